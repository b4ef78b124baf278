// Issue 8, items 2–5, 8 and 9: every request a page could not have sent is a short 4xx naming what is
// wrong, before anything is read or written; the sign-in never sends the browser to another host; CSRF
// tokens are bound to their host and session; stacks never reach a client.
import http from "node:http";
import { expect, it } from "vitest";
import { ownerClient } from "@cong/db/owner";
import { describeServer } from "./describe-server.ts";
import { snapshot } from "./snapshot.ts";
import { ACCOUNTS, PASSWORD } from "./test-server.ts";

const MB = 1024 * 1024;

/**
 * Streams `total` bytes of form data in chunks (no Content-Length) and resolves with the status. The
 * server may close the connection once it has answered and drained a little: an error after the answer
 * arrived is the end of the upload, not a failure.
 */
// `answeredAt`: how much the client had written when the answer came: less than the whole body means the
// server answered while the client was still sending (after the answer the server drains politely, so
// the client may go on to write everything, which `sent` counts).
function chunkedPost(port: number, host: string, path: string, headers: Record<string, string>, total: number): Promise<{ status: number; sent: number; answeredAt: number; body: string }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answeredAt = -1;
    let status = 0;
    let body = "";
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      agent.destroy();
      resolve({ status, sent, answeredAt, body });
    };
    // A fresh kept-alive connection, as a browser's: with "Connection: close" Node shuts the socket as soon
    // as the answer is out, and a client still writing loses it.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const req = http.request({ host: "127.0.0.1", port, method: "POST", path, agent, headers: { host, "transfer-encoding": "chunked", ...headers } }, (res) => {
      status = res.statusCode ?? 0;
      answeredAt = sent;
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", finish);
      res.on("error", finish);
    });
    req.on("error", (error) => (status ? finish() : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (!done && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!done) req.end();
    };
    pump();
  });
}

/** Declares a huge Content-Length, sends a little, and resolves with the status the server answers. */
function declaredPost(port: number, host: string, path: string, length: number, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method: "POST", path, agent: false, headers: { host, "content-length": String(length), "content-type": "application/x-www-form-urlencoded", ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on("error", reject);
    req.write(Buffer.alloc(1024, "a"));
  });
}

// In development mode, where Remix used to send stacks to the browser: no mode may.
describeServer("requests a page could not have sent", (server) => {
  it("sign-in goes back to a path on this host only, whatever `next` says (8.2)", async () => {
    for (const next of ["/\t/evil.example/pwned", "//evil.example", "/\\evil.example", "https://evil.example/", "/\r\nSet-Cookie:x=1", "/%0D%0ASet-Cookie:x=1"]) {
      const c = server().client("quang-ninh");
      const res = await c.submit("/admin/login", { email: ACCOUNTS.qnAdmin.email, password: PASSWORD, next });
      expect(res.status, JSON.stringify(next)).toBe(302);
      const location = res.headers.location ?? "";
      expect(new URL(location, "http://quang-ninh.localhost").host, JSON.stringify(next)).toBe("quang-ninh.localhost");
      expect(res.headers["set-cookie"]?.some((s) => s.startsWith("x="))).toBeFalsy();
      // Signed in already, the sign-in page's own redirect follows the same rule (an address with control
      // characters is refused outright).
      const again = await c.get(`/admin/login?next=${encodeURIComponent(next)}`);
      expect([302, 400], JSON.stringify(next)).toContain(again.status);
      if (again.status === 302) expect(new URL(again.headers.location ?? "", "http://quang-ninh.localhost").host).toBe("quang-ninh.localhost");
    }
    const c = server().client("quang-ninh");
    const ok = await c.submit("/admin/login", { email: ACCOUNTS.qnAdmin.email, password: PASSWORD, next: "/admin/users?x=tức" });
    expect(ok.headers.location).toBe("/admin/users?x=t%E1%BB%A9c");
  });

  it("a NUL byte in any text field is refused naming the field, and nothing is saved (8.3)", async () => {
    const anon = server().client("quang-ninh");
    const signIn = await anon.submit("/admin/login", { email: "a\u0000b@x.vn", password: "x" });
    expect(signIn.status).toBe(400);
    expect(signIn.text).toContain("“email”");

    const admin = await server().signedIn("qnAdmin");
    const before = await snapshot(server().db);
    const page = await admin.get("/admin/config/settings");
    const version = /name="version" value="([^"]+)"/.exec(page.text)?.[1] ?? "";
    const res = await admin.submit("/admin/config/settings", { version, "name.vi": "Tỉnh Quảng\u0000Ninh", "portalTitle.vi": "Cổng" });
    expect(res.status).toBe(400);
    expect(res.text).toContain("“name.vi”");
    expect(await snapshot(server().db)).toEqual(before);

    // Other control characters are dropped, not stored: the feeds stay valid XML.
    const search = await anon.get("/search?q=qu%E1%BA%A3ng%00ninh");
    expect(search.status).toBe(400);
    expect(search.text).toContain("“q”");
    // A path segment with NUL names nothing: the route's own 404.
    expect((await anon.get("/%00")).status).toBe(404);
    expect((await anon.get("/van-ban-chi-dao/%00")).status).toBe(404);
    expect((await admin.get("/admin/users/%00")).status).toBe(404);
  });

  it("bodies are limited while they stream, per route, and refused with 413 (8.4)", async () => {
    const { port } = server();
    // 120 MB declared to the sign-in page: refused at once, not read.
    expect(await declaredPost(port, "quang-ninh.localhost", "/admin/login", 120 * MB)).toBe(413);
    // Chunked, with a real CSRF cookie: the sign-in form takes a few KB. (32 MB: more than loopback
    // buffers hold, so the client cannot have written it all before the server read its first 16 KB.)
    const anon = server().client("quang-ninh");
    await anon.csrf();
    const small = await chunkedPost(port, "quang-ninh.localhost", "/admin/login", { cookie: anon.cookieHeader(), "content-type": "application/x-www-form-urlencoded" }, 32 * MB);
    expect(small.status).toBe(413);
    expect(small.answeredAt).toBeGreaterThanOrEqual(0);
    expect(small.answeredAt).toBeLessThan(32 * MB);
    // Anonymous with no cookie at all: refused before the body is read.
    const none = await chunkedPost(port, "quang-ninh.localhost", "/admin/login", { "content-type": "application/x-www-form-urlencoded" }, 50 * MB);
    expect(none.status).toBe(403);
    expect(none.answeredAt).toBeLessThan(50 * MB);
    // An item form in a handbook section (articles and links: a cover image and text) is refused past
    // its limit even when chunked; nothing is saved.
    const editor = await server().signedIn("qnEditor");
    const before = await snapshot(server().db);
    const big = await chunkedPost(port, "quang-ninh.localhost", "/admin/sections/cam-nang/new", { cookie: editor.cookieHeader(), "content-type": "multipart/form-data; boundary=x" }, 12 * MB);
    expect(big.status).toBe(413);
    expect(big.body).toContain("MB");
    expect(await snapshot(server().db)).toEqual(before);
  });

  it("wrong methods, content types and malformed bodies are 4xx with a short message (8.5)", async () => {
    const admin = await server().signedIn("qnAdmin");
    const token = await admin.csrf("/admin/config/settings");
    const post = (headers: Record<string, string>, body: string | null) =>
      admin.request("POST", "/admin/config/settings", { body, headers: { origin: "http://quang-ninh.localhost", ...headers } });
    expect((await post({ "content-type": "application/json" }, JSON.stringify({ _csrf: token }))).status).toBe(415);
    expect((await post({ "content-type": "text/plain" }, `_csrf=${token}`)).status).toBe(415);
    expect((await post({}, null)).status).toBe(415);
    const malformed = await post({ "content-type": "multipart/form-data; boundary=zzz" }, `--zzz\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--zz`);
    expect(malformed.status).toBe(400);
    expect((await post({ "content-type": "multipart/form-data" }, "nothing")).status).toBe(400);
    for (const method of ["DELETE", "PUT", "PATCH"]) {
      const res = await admin.request(method, "/admin/config/settings", { body: `_csrf=${token}`, headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://quang-ninh.localhost" } });
      expect(res.status, method).toBe(405);
    }
    expect((await admin.request("DELETE", "/admin/audit")).status).toBe(405);
    const anon = server().client("quang-ninh");
    for (const path of ["/%FF", "/%E0%A4%A", "/search?q=%FF", "/tin-tuc/%C0%AF"]) {
      const res = await anon.get(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
    }
  });

  it("the image upload answers each refusal with its status and never a stack (8.8)", async () => {
    const editor = await server().signedIn("qnEditor");
    const upload = async (client: typeof editor, section: string, file: Blob, name: string) => {
      const form = new FormData();
      form.append("_csrf", await client.csrf(`/admin/sections/${section}`));
      form.append("image", file, name);
      return client.request("POST", `/admin/sections/${section}/upload`, { body: form, headers: { origin: "http://quang-ninh.localhost" } });
    };
    const refused = await upload(editor, "cam-nang", new Blob(["not an image"]), "a.png");
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text).error).toMatch(/tệp/i);
    const forbidden = await upload(editor, "tin-tuc", new Blob(["x"]), "a.png");
    expect(forbidden.status).toBe(403);
    expect(forbidden.text).not.toMatch(/\bat \w|\/work\/|node_modules|\.ts:\d/);
    expect(JSON.parse(forbidden.text).error).toBeTruthy();
    const unknown = await upload(editor, "khong-co", new Blob(["x"]), "a.png");
    expect(unknown.status).toBe(404);
    const signedOut = await server().client("quang-ninh").request("POST", "/admin/sections/cam-nang/upload", { body: new FormData() });
    expect([401, 403]).toContain(signedOut.status);
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cf00000301010018dd8db40000000049454e44ae426082", "hex");
    const ok = await upload(editor, "cam-nang", new Blob([png]), "dot.png");
    expect(ok.status).toBe(201);
    expect(JSON.parse(ok.text).url).toMatch(/^\/files\//);
  });

  it("a CSRF pair is worth nothing on another host or in another session (8.9)", async () => {
    // Taken anonymously on Nghệ An…
    const elsewhere = server().client("nghe-an");
    const token = await elsewhere.csrf();
    const cookie = elsewhere.cookies.get("cong_csrf")!;
    // …and planted in Quảng Ninh's signed-in admin's browser.
    const admin = await server().signedIn("qnAdmin");
    admin.cookies.set("cong_csrf", cookie);
    const page = await admin.get("/admin/config/settings");
    const version = /name="version" value="([^"]+)"/.exec(page.text)?.[1] ?? "";
    const body = new URLSearchParams({ _csrf: token, version, "name.vi": "Tỉnh bị giả mạo" });
    const forged = await admin.request("POST", "/admin/config/settings", { body, headers: { origin: "http://quang-ninh.localhost" } });
    expect(forged.status).toBe(403);
    // A token from before signing in no longer works once signed in.
    const c = server().client("quang-ninh");
    const before = await c.csrf();
    await c.signIn(ACCOUNTS.qnAdmin.email, PASSWORD);
    const stale = await c.request("POST", "/admin/logout", { body: new URLSearchParams({ _csrf: before }), headers: { origin: "http://quang-ninh.localhost" } });
    expect(stale.status).toBe(403);
    const fresh = await c.submit("/admin/logout", {}, { csrfFrom: "/admin" });
    expect(fresh.status).toBe(302);
  });

  it("an error the server did not expect shows no stack, no code and no path", async () => {
    const visitor = server().client("quang-ninh");
    // A loader's query fails (the table is gone), while the province itself is still found.
    await ownerClient(server().db).$executeRawUnsafe("alter table item rename to item_gone");
    for (const path of ["/", "/van-ban-chi-dao", "/search?q=covid", "/api/v1/items"]) {
      const res = await visitor.get(path);
      expect(res.status, path).toBe(500);
      expect(res.text, path).not.toMatch(/\bat [\w.<>]+ \(|file:\/\/|\/work\/|node_modules|\.ts:\d|item_gone|PrismaClient/);
    }
    // And when the database is gone altogether: a 5xx, nothing more.
    await server().servedDb.close();
    const down = await visitor.get("/");
    expect(down.status).toBeGreaterThanOrEqual(500);
    expect(down.text).not.toMatch(/\bat [\w.<>]+ \(|file:\/\/|\/work\/|node_modules|\.ts:\d/);
  });
}, { env: { NODE_ENV: "development" } });
