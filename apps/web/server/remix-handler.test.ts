// The response writer between Remix and the socket: a body is read only as fast as the client takes
// it, and stops being read when the client leaves.
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, expect, it } from "vitest";
import { sendResponse } from "./remix-handler.ts";

const CHUNK = 64 * 1024;
const TOTAL = 200 * 1024 * 1024;

// A 200 MB body that counts what was read from it, as a file read from storage would.
function countedBody() {
  const seen = { read: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (seen.read >= TOTAL) return controller.close();
        seen.read += CHUNK;
        controller.enqueue(new Uint8Array(CHUNK));
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, seen };
}

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(response: () => Response): Promise<number> {
  const app = express();
  app.get("/", (_req, res, next) => {
    sendResponse(res, response()).catch(next);
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server!.once("listening", resolve));
  return (server.address() as AddressInfo).port;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it("reads a body only as fast as a slow client takes it, and stops when the client leaves", async () => {
  const { body, seen } = countedBody();
  const port = await serve(() => new Response(body, { headers: { "Content-Length": String(TOTAL) } }));
  const request = http.get(`http://127.0.0.1:${port}/`, (res) => res.pause());
  request.on("error", () => {});
  await pause(500);
  // What the socket buffers hold, not the 200 MB a careless writer pulls in a fraction of a second.
  expect(seen.read).toBeLessThan(16 * 1024 * 1024);
  request.destroy();
  await expect.poll(() => seen.cancelled).toBe(true);
});

it("sends status, every header and an empty body as given", async () => {
  const port = await serve(() => {
    const headers = new Headers({ "Content-Range": "bytes */10" });
    headers.append("Set-Cookie", "a=1");
    headers.append("Set-Cookie", "b=2");
    return new Response(null, { status: 416, headers });
  });
  const answer = await fetch(`http://127.0.0.1:${port}/`);
  expect(answer.status).toBe(416);
  expect(answer.headers.get("content-range")).toBe("bytes */10");
  expect(answer.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
  expect(await answer.text()).toBe("");
});

it("sends a whole body to a client that reads it", async () => {
  const port = await serve(() => new Response("Quảng Ninh\n", { headers: { "Content-Type": "text/plain; charset=utf-8" } }));
  expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("Quảng Ninh\n");
});
