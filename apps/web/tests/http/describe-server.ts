// `describe` once per database (PGlite and the PostgreSQL server), with the in-process test server
// started before the block's tests and closed after them.
import { describeEach } from "@cong/db/testing";
import { startTestServer, type TestServer, type TestServerOptions } from "./test-server.ts";

export function describeServer(title: string, body: (server: () => TestServer, kind: string) => void, options: TestServerOptions = {}) {
  describeEach(title, (backend) => startTestServer(backend, options), (server) => server.close(), body, { setupTimeout: 180_000 });
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
