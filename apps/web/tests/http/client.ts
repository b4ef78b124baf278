// A small HTTP/1.1 client for the HTTP tests: any Host header, any method, raw or form bodies, a cookie
// jar like a browser's for one host, and the CSRF token read from the page the way a form carries it.
import http from "node:http";

export type Reply = { status: number; headers: http.IncomingHttpHeaders; bytes: Buffer; text: string };
export type Body = string | Buffer | URLSearchParams | FormData | null;

export class Client {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly port: number,
    readonly host: string,
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(method: string, path: string, options: { body?: Body; headers?: Record<string, string>; cookies?: boolean } = {}): Promise<Reply> {
    const headers: Record<string, string> = { host: this.host, ...options.headers };
    if (options.cookies !== false && this.cookies.size > 0) headers.cookie = this.cookieHeader();
    let payload: Buffer | null = null;
    const body = options.body ?? null;
    if (body instanceof FormData) {
      const encoded = new Response(body);
      headers["content-type"] ??= encoded.headers.get("content-type")!;
      payload = Buffer.from(await encoded.arrayBuffer());
    } else if (body instanceof URLSearchParams) {
      headers["content-type"] ??= "application/x-www-form-urlencoded";
      payload = Buffer.from(body.toString());
    } else if (body !== null) {
      payload = Buffer.isBuffer(body) ? body : Buffer.from(body);
    }
    if (payload && headers["transfer-encoding"] === undefined) headers["content-length"] ??= String(payload.byteLength);
    return new Promise<Reply>((resolve, reject) => {
      // A connection per request: a kept-alive socket the server is just closing would fail the test.
      const req = http.request({ host: "127.0.0.1", port: this.port, method, path, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          for (const set of res.headers["set-cookie"] ?? []) {
            const [pair = ""] = set.split(";");
            const eq = pair.indexOf("=");
            const name = pair.slice(0, eq).trim();
            const value = pair.slice(eq + 1).trim();
            if (/max-age=0/i.test(set) || value === "") this.cookies.delete(name);
            else this.cookies.set(name, value);
          }
          const bytes = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, text: bytes.toString("utf8") });
        });
        res.on("error", reject);
      });
      req.on("error", reject);
      if (payload) req.end(payload);
      else req.end();
    });
  }

  get(path: string, headers?: Record<string, string>): Promise<Reply> {
    return this.request("GET", path, { headers });
  }

  /** The CSRF token the page at `path` puts in its forms. */
  async csrf(path = "/admin/login"): Promise<string> {
    const page = await this.get(path);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
    if (!token) throw new Error(`no CSRF token on ${this.host}${path} (status ${page.status})`);
    return token;
  }

  /** Posts a form as the browser would, with the page's CSRF token unless one is given. */
  async submit(path: string, fields: Record<string, string | string[]> | FormData, options: { csrfFrom?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
    const token = await this.csrf(options.csrfFrom ?? path);
    let body: URLSearchParams | FormData;
    if (fields instanceof FormData) {
      body = fields;
      if (!body.has("_csrf")) body.append("_csrf", token);
    } else {
      body = new URLSearchParams();
      body.append("_csrf", token);
      for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    }
    return this.request("POST", path, { body, headers: { origin: `http://${this.host}`, ...options.headers } });
  }

  async signIn(email: string, password: string): Promise<void> {
    const res = await this.submit("/admin/login", { email, password });
    if (res.status !== 302 || !this.cookies.has("cong_session")) throw new Error(`sign-in as ${email} on ${this.host} failed: ${res.status}`);
  }
}
