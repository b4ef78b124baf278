// Whose X-Forwarded-For the server believes (TRUST_PROXY): the client's address is what the sign-in and
// reset limits count, so a client that could name its own address could take a fresh budget per request.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { parseEnv } from "@cong/config/env";
import type { Db } from "@cong/db";
import { createApp } from "./create-app.ts";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Starts the app with these env values on 127.0.0.1 (a loopback client) and sends one GET with `headers`. */
async function seenBy(env: Record<string, string>, headers: Record<string, string>): Promise<{ ip: string; protocol: string }> {
  const app = createApp({
    env: parseEnv({ PLATFORM_DOMAIN: "localhost", ...env }),
    db: {} as Db,
    resolve: async () => null,
    handler: (req, res) => {
      res.json({ ip: req.ip, protocol: req.protocol });
    },
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server!.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { host: "localhost", ...headers } });
  return (await res.json()) as { ip: string; protocol: string };
}

const forged = { "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https" };

describe("TRUST_PROXY", () => {
  it("unset: a loopback client's X-Forwarded-For is ignored, the socket's address is the client", async () => {
    expect(await seenBy({}, forged)).toEqual({ ip: "127.0.0.1", protocol: "http" });
  });

  it("a proxy that is not the peer is not believed either", async () => {
    expect(await seenBy({ TRUST_PROXY: "10.0.0.0/8, 192.168.1.5" }, forged)).toEqual({ ip: "127.0.0.1", protocol: "http" });
  });

  it("loopback (nginx on the same machine): the forwarded address and scheme are used", async () => {
    expect(await seenBy({ TRUST_PROXY: "loopback" }, forged)).toEqual({ ip: "203.0.113.9", protocol: "https" });
  });

  it("loopback: an address the client wrote itself before the proxy's is not the one used", async () => {
    // nginx appends the peer it saw ($proxy_add_x_forwarded_for) to whatever the client sent
    expect(await seenBy({ TRUST_PROXY: "loopback" }, { "x-forwarded-for": "198.51.100.1, 203.0.113.9" })).toMatchObject({ ip: "203.0.113.9" });
  });
});
