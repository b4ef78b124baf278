// The server's first wall: every request's Host is checked before Remix runs. Bad ones get 400 in
// plain text (never a 500), good ones reach the handler with the right site.
import type { AddressInfo } from "node:net";
import net from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@cong/config/env";
import type { TenantSummary } from "@cong/core";
import type { Db } from "@cong/db";
import { createApp, siteOf } from "./create-app.ts";

const quangNinh: TenantSummary = {
  id: "00000000-0000-4000-8000-000000000001",
  slug: "quang-ninh",
  name: { vi: "Tỉnh Quảng Ninh" },
  portalTitle: { vi: "Cổng thông tin COVID-19 tỉnh Quảng Ninh" },
  defaultLocale: "vi",
  locales: ["vi", "en", "zh"],
  colors: { primary: "#b71c1c" }, timeZone: "Asia/Ho_Chi_Minh", mapOrigins: [],
};

let server: Server;
let port: number;

beforeAll(async () => {
  const app = createApp({
    env: parseEnv({ PLATFORM_DOMAIN: "localhost" }),
    db: {} as Db,
    resolve: async (host) => {
      if (host.kind === "subdomain" && host.slug === "quang-ninh") return quangNinh;
      if (host.kind === "domain" && host.host === "covid19.quangninh.gov.vn") return quangNinh;
      if (host.kind === "subdomain" && host.slug === "broken") throw new Error("database is down");
      return null;
    },
    handler: (_req, res) => {
      res.json(siteOf(res));
    },
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends a raw HTTP/1.1 request so the Host header can be anything, even what clients refuse to send. */
function rawGet(host: string | null, extra = ""): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let data = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk) => (data += chunk));
    socket.on("end", () => {
      const [head = "", body = ""] = data.split("\r\n\r\n");
      resolve({ status: Number(head.split(" ")[1]), headers: head, body });
    });
    socket.on("error", reject);
    socket.write(`GET / HTTP/1.1\r\n${host === null ? "" : `Host: ${host}\r\n`}${extra}Connection: close\r\n\r\n`);
  });
}

describe("Host handling before Remix", () => {
  it.each([
    ["bad characters", "evil host.localhost"],
    ["an oversized name", `${"a".repeat(63)}.`.repeat(5) + "localhost"],
    ["a port out of range", "quang-ninh.localhost:70000"],
    ["an empty label", "quang-ninh..localhost"],
    ["a path in the host", "localhost/admin"],
  ])("answers 400 in plain text for %s", async (_what, host) => {
    const res = await rawGet(host);
    expect(res.status).toBe(400);
    expect(res.headers).toMatch(/content-type: text\/plain/i);
    expect(res.body).toContain("invalid Host header");
  });

  it("answers 400 when the Host header is missing", async () => {
    expect((await rawGet(null)).status).toBe(400);
  });

  it("passes the apex, a tenant subdomain, a production domain and an unknown host on to Remix", async () => {
    expect(JSON.parse((await rawGet("localhost:3000")).body)).toEqual({ kind: "apex" });
    expect(JSON.parse((await rawGet("Quang-Ninh.localhost:3000")).body)).toMatchObject({ kind: "tenant", tenant: { slug: "quang-ninh" } });
    expect(JSON.parse((await rawGet("covid19.quangninh.gov.vn")).body)).toMatchObject({ kind: "tenant", tenant: { slug: "quang-ninh" } });
    expect(JSON.parse((await rawGet("ha-noi.localhost")).body)).toEqual({ kind: "unknown", host: "ha-noi.localhost" });
  });

  it("ignores a client's X-Forwarded-Host: the Host header decides", async () => {
    const res = await rawGet("localhost", "X-Forwarded-Host: quang-ninh.localhost:99999\r\n");
    expect(JSON.parse(res.body)).toEqual({ kind: "apex" });
  });

  it("answers 503, not a crash, when the tenant cannot be looked up", async () => {
    const res = await rawGet("broken.localhost");
    expect(res.status).toBe(503);
  });

  it("sets the security headers on every answer, the 400s included", async () => {
    for (const host of ["localhost", "bad host"]) {
      const { headers } = await rawGet(host);
      expect(headers).toMatch(/x-content-type-options: nosniff/i);
      expect(headers).toMatch(/x-frame-options: DENY/i);
      expect(headers).toMatch(/content-security-policy: [^\r]*frame-ancestors 'none'/i);
      expect(headers).toMatch(/referrer-policy: strict-origin-when-cross-origin/i);
    }
  });
});
