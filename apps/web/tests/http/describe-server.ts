// `describe` once per database (PGlite and the PostgreSQL server), with the in-process test server
// started before the block's tests and closed after them.
import { afterAll, beforeAll, describe, it } from "vitest";
import { backends } from "@cong/db/testing";
import { startTestServer, type TestServer, type TestServerOptions } from "./test-server.ts";

export function describeServer(title: string, body: (server: () => TestServer, kind: string) => void, options: TestServerOptions = {}) {
  for (const backend of backends) {
    if (backend.skip) {
      describe(`${title} [${backend.kind}]`, () => {
        it.skip(`skipped: ${backend.skip}`, () => {});
      });
      continue;
    }
    describe(`${title} [${backend.kind}]`, () => {
      let current: TestServer | undefined;
      beforeAll(async () => {
        current = await startTestServer(backend, options);
      }, 180_000);
      afterAll(async () => {
        await current?.close();
      });
      body(() => {
        if (!current) throw new Error("test server not started");
        return current;
      }, backend.kind);
    });
  }
}

/** Same-host links of a page (paths only), in document order, without fragments. */
export function linksOf(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/href="(\/[^"#]*)/g)) {
    const href = m[1]!.replace(/&amp;/g, "&");
    if (!href.startsWith("//") && !out.includes(href)) out.push(href);
  }
  return out;
}
