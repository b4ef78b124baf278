// `describe` once per database (PGlite and the PostgreSQL server), with the in-process test server
// started before the block's tests and closed after them.
import { describeEach } from "@cong/db/testing";
import type { Client } from "./client.ts";
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

// A page's route shape: ids and slugs in known places become placeholders, so the crawl keeps a couple
// of pages of each kind instead of every item of one list.
function shape(href: string): string {
  const path = href.split("?")[0]!.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, ":id");
  const parts = path.split("/");
  if (parts[1] !== "admin") return parts.length > 2 ? `/:${parts.length - 1}` : path;
  const listed = (i: number) => ["sections", "agencies", "matrix", "items", "deadlines", "users"].includes(parts[i - 1]!) || (parts[2] === "config" && ["figures", "places"].includes(parts[i - 1]!));
  return parts.map((p, i) => (i >= 3 && listed(i) ? ":x" : p)).join("/");
}

export async function crawl(client: Client, start: string[], keep: (href: string) => boolean, max: number): Promise<string[]> {
  const seen = [...start];
  const shapes = new Map<string, number>();
  for (let i = 0; i < seen.length && seen.length < max; i++) {
    const page = await client.get(seen[i]!);
    if (!String(page.headers["content-type"] ?? "").startsWith("text/html")) continue;
    for (const href of linksOf(page.text)) {
      if (!keep(href) || seen.includes(href) || seen.length >= max) continue;
      const count = shapes.get(shape(href)) ?? 0;
      if (count >= 2) continue;
      shapes.set(shape(href), count + 1);
      seen.push(href);
    }
  }
  return seen;
}
