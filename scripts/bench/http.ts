// One HTTP request to a server on 127.0.0.1 with any Host header, its whole answer read (the bench's
// sign-in, checks and timed posts; wrk does the load).
import http from "node:http";

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

export function request(port: number, host: string, pathname: string, o: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: pathname, method: o.method ?? "GET", headers: { Host: host, ...o.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    if (o.body) req.write(o.body);
    req.end();
  });
}
