// Issue 8, "fuzzing, kept in the suite": generated bad input at every form (found by crawling the admin
// as its users see it) and every public and API route, as anonymous visitors, a province's admin and
// editor, and another province's admin. For every request: never a 5xx; a refused request (4xx) changes
// no stored row; no answer on Quảng Ninh's host carries another province's data.
//
// Seeded and bounded for `npm test`; FUZZ_RUNS and FUZZ_SEED change both, e.g. the nightly run:
//   npm run build && FUZZ_RUNS=100000 npx vitest run apps/web/tests/http/fuzz.test.ts
import fc from "fast-check";
import { expect, it } from "vitest";
import { ownerClient } from "@cong/db/owner";
import type { Client, Reply } from "./client.ts";
import { describeServer, linksOf } from "./describe-server.ts";
import { readForms, successfulControls, type PageForm } from "./forms.ts";
import { snapshot } from "./snapshot.ts";
import type { AccountKey, TestServer } from "./test-server.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const HOST = "quang-ninh.localhost";

// Forms whose success ends the fuzzing clients' own sessions; their refusals are fuzzed like any other.
const ENDS_SESSION = (action: string, intent: string | undefined) => action.startsWith("/admin/logout") || intent === "deactivate" || intent === "handover";

type Target = { form: PageForm; as: AccountKey | null };
type Secrets = { markers: string[]; ids: string[] };

async function crawlForms(server: TestServer): Promise<Target[]> {
  const targets: Target[] = [];
  const seen = new Set<string>();
  for (const as of ["qnAdmin", "qnEditor"] as const) {
    const client = await server.signedIn(as);
    const queue = ["/admin"];
    for (let i = 0; i < queue.length && i < 60; i++) {
      const page = await client.get(queue[i]!);
      if (!String(page.headers["content-type"] ?? "").startsWith("text/html")) continue;
      for (const form of readForms(page.text)) {
        if (form.method !== "post") continue;
        const action = form.action || queue[i]!;
        const key = `${as} ${action} ${form.controls.map((c) => c.name).join(",")}`;
        if (seen.has(key)) continue;
        seen.add(key);
        targets.push({ form: { ...form, action }, as });
      }
      for (const href of linksOf(page.text)) if (href.startsWith("/admin") && !href.startsWith("/admin/logout") && !queue.includes(href)) queue.push(href);
    }
  }
  // The rich-text editor's image upload is posted by script, not by a form on the page.
  targets.push({ form: { action: "/admin/sections/cam-nang/upload", method: "post", enctype: "multipart/form-data", controls: [{ name: "image", type: "file", value: "", checked: false }] }, as: "qnEditor" });
  const anon = server.client("quang-ninh");
  for (const path of ["/admin/login", "/admin/forgot"]) {
    for (const form of readForms((await anon.get(path)).text)) if (form.method === "post") targets.push({ form: { ...form, action: form.action || path }, as: null });
  }
  return targets;
}

// What only the other provinces have: their ids and their accounts' addresses.
async function otherProvinces(server: TestServer): Promise<Secrets> {
  const owner = ownerClient(server.db);
  const qn = server.tenants.get("quang-ninh")!;
  const others = [...server.tenants.entries()].filter(([slug]) => slug !== "quang-ninh").map(([, id]) => id);
  const items = await owner.item.findMany({ where: { tenantId: { in: others } }, select: { id: true }, take: 20 });
  const users = await owner.user.findMany({ where: { tenantId: { in: others } }, select: { id: true, email: true } });
  const files = await owner.attachment.findMany({ where: { tenantId: { in: others } }, select: { id: true }, take: 10 });
  const ids = [...others, ...items.map((i) => i.id), ...users.map((u) => u.id), ...files.map((f) => f.id)];
  expect(ids).not.toContain(qn);
  return { ids, markers: [...ids, ...users.map((u) => u.email)] };
}

const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom("\u0000", "a\u0000b", "\u0000".repeat(5), "\r\n", "\uFEFF", "\u202E", "🦠💉", "Quảng Ninh", "'; drop table item; --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "-1", "1e309", "NaN", "2021-02-30", "9999-99-99", "00000000-0000-0000-0000-000000000000", "true", "[]", "{}"),
  fc.integer().map(String),
  fc.nat({ max: 200_000 }).map((n) => "x".repeat(n)),
);

type Case = {
  target: number;
  as: "own" | "anonymous" | "other-province";
  method: string;
  contentType: "form" | "multipart" | "json" | "text" | "none" | "junk";
  csrf: "valid" | "missing" | "garbage";
  intent: number;
  edits: { field: number; value: string; drop: boolean }[];
  extra: [string, string][];
  url: "as-served" | "other-ids" | "junk";
  junkPath: string;
  rawBody: Uint8Array | null;
};

function caseArb(targets: number): fc.Arbitrary<Case> {
  return fc.record({
    target: fc.nat({ max: targets - 1 }),
    as: fc.constantFrom("own", "own", "own", "anonymous", "other-province"),
    method: fc.constantFrom("POST", "POST", "POST", "POST", "GET", "PUT", "DELETE", "PATCH", "OPTIONS"),
    contentType: fc.constantFrom("form", "form", "form", "multipart", "multipart", "json", "text", "none", "junk"),
    csrf: fc.constantFrom("valid", "valid", "valid", "missing", "garbage"),
    intent: fc.nat({ max: 10 }),
    edits: fc.array(fc.record({ field: fc.nat({ max: 60 }), value: nasty, drop: fc.boolean() }), { maxLength: 4 }),
    extra: fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("__proto__", "constructor.prototype.x", "translations.vi.title", "_csrf", "id", "tenantId")), nasty), { maxLength: 3 }),
    url: fc.constantFrom("as-served", "as-served", "as-served", "other-ids", "junk"),
    junkPath: fc.string({ unit: "binary", maxLength: 20 }),
    rawBody: fc.option(fc.uint8Array({ maxLength: 2000 }), { freq: 6 }),
  });
}

function encodeBody(c: Case, fields: [string, string][]): { body: string | Buffer | FormData | null; contentType?: string } {
  if (c.rawBody && c.contentType !== "form" && c.contentType !== "multipart") return { body: Buffer.from(c.rawBody), contentType: c.contentType === "junk" ? "application/x-junk" : undefined };
  switch (c.contentType) {
    case "form":
      return { body: new URLSearchParams(fields).toString(), contentType: "application/x-www-form-urlencoded" };
    case "multipart": {
      const form = new FormData();
      for (const [k, v] of fields) form.append(k, v);
      if (c.rawBody) form.append("coverUpload", new Blob([new Uint8Array(c.rawBody)]), "cover.png");
      return { body: form };
    }
    case "json":
      return { body: JSON.stringify(Object.fromEntries(fields)), contentType: "application/json" };
    case "text":
      return { body: fields.map(([k, v]) => `${k}=${v}`).join("\n"), contentType: "text/plain" };
    case "junk":
      return { body: Buffer.from(c.rawBody ?? [0xff, 0xfe, 0x00]), contentType: "multipart/form-data; boundary=" };
    case "none":
      return { body: null };
  }
}

function urlFor(c: Case, action: string, secrets: Secrets): string {
  if (c.url === "other-ids") {
    const swapped = action.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, () => secrets.ids[c.intent % secrets.ids.length]!);
    return swapped === action ? `${action}${action.includes("?") ? "&" : "?"}id=${secrets.ids[0]}` : swapped;
  }
  if (c.url === "junk") return `${action.replace(/\/$/, "")}/${encodeURIComponent(c.junkPath)}`;
  return action;
}

describeServer("fuzzing every form and API route", (server, kind) => {
  it(`never answers 5xx, changes nothing when it refuses, never shows another province's data (${RUNS} cases)`, async () => {
    const s = server();
    const targets = (await crawlForms(s)).filter((t) => !t.form.action.startsWith("/admin/logout"));
    expect(targets.length).toBeGreaterThan(15);
    const secrets = await otherProvinces(s);
    const clients = new Map<string, Client>();
    const clientFor = async (key: AccountKey | null): Promise<Client> => {
      const name = key ?? "anonymous";
      let c = clients.get(name);
      if (!c) {
        c = key ? await s.signedIn(key) : s.client("quang-ninh");
        clients.set(name, c);
      }
      return c;
    };
    const tokens = new WeakMap<Client, string>();
    const tokenOf = async (client: Client, page: string) => {
      let token = tokens.get(client);
      if (!token) tokens.set(client, (token = await client.csrf(page)));
      return token;
    };
    // Signed in before the first snapshot: a sign-in is a write of its own.
    for (const key of ["qnAdmin", "qnEditor"] as const) await clientFor(key);
    // Another province's admin, whose cookies are planted on Quảng Ninh's host.
    const foreign = await s.signedIn("naAdmin");
    let before = await snapshot(s.db);
    let ran = 0;
    let snapshotMs = 0;
    const statuses = new Map<number, number>();

    await fc.assert(
      fc.asyncProperty(caseArb(targets.length), async (c) => {
        const target = targets[c.target]!;
        const owner = c.as === "own" ? target.as : null;
        const client = c.as === "own" ? await clientFor(owner) : c.as === "anonymous" ? s.client("quang-ninh") : s.client("quang-ninh");
        if (c.as === "other-province") for (const [k, v] of foreign.cookies) client.cookies.set(k, v);
        const buttons = target.form.controls.filter((x) => x.type === "submit");
        const pressed = buttons.length > 0 ? buttons[c.intent % buttons.length] : undefined;
        // Submitting what ends the fuzzing admin's own session is left to the other tests.
        if (c.as === "own" && ENDS_SESSION(target.form.action, pressed?.value) && c.csrf === "valid") return;

        let fields = successfulControls(target.form);
        if (pressed) fields.push([pressed.name, pressed.value]);
        for (const e of c.edits) {
          if (fields.length === 0) break;
          const i = e.field % fields.length;
          if (e.drop) fields.splice(i, 1);
          else fields[i] = [fields[i]![0], e.value];
        }
        fields.push(...c.extra);
        fields = fields.filter(([k]) => k !== "_csrf");
        // A token is bound to host, session and cookie, not to a page: any page of the client's gives it.
        if (c.csrf === "valid" && c.as === "own") fields.push(["_csrf", await tokenOf(client, owner ? "/admin" : "/admin/login")]);
        if (c.csrf === "garbage") fields.push(["_csrf", "A".repeat(43)]);
        const { body, contentType } = encodeBody(c, fields);
        const headers: Record<string, string> = { origin: `http://${HOST}` };
        if (contentType) headers["content-type"] = contentType;
        const path = urlFor(c, target.form.action, secrets);

        let reply: Reply;
        try {
          reply = await client.request(c.method, path, { body: c.method === "GET" || c.method === "OPTIONS" ? null : body, headers });
        } catch (error) {
          throw new Error(`${c.method} ${path}: no answer (${(error as Error).message})`);
        }
        ran++;
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        expect(reply.status, `${c.method} ${path} as ${c.as}: ${reply.text.slice(0, 300)}`).toBeLessThan(500);
        // Another province's id the request itself carried may be echoed back; anything else is a leak.
        const sent = `${path} ${JSON.stringify(fields)}`;
        for (const marker of secrets.markers) if (!sent.includes(marker)) expect(reply.text.includes(marker), `${c.method} ${path} shows ${marker}`).toBe(false);
        const t0 = performance.now();
        const after = await snapshot(s.db);
        snapshotMs += performance.now() - t0;
        if (reply.status >= 400) expect(after, `${c.method} ${path} was refused (${reply.status}) but changed rows`).toEqual(before);
        before = after;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );

    // The public side and the read API, with generated queries and other provinces' ids.
    const visitor = s.client("quang-ninh");
    const publicPaths = ["/", "/tin-tuc", "/van-ban-chi-dao", "/search", "/api/v1/items", "/api/v1/documents", "/api/v1/sections", "/rss.xml", "/sitemap.xml", "/tin-tuc/rss.xml"];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...publicPaths),
        fc.array(fc.tuple(fc.constantFrom("q", "page", "form", "issuer", "field", "from", "to", "section", "category", "lng", "limit", "cursor", "status"), nasty), { maxLength: 4 }),
        fc.option(fc.constantFrom(...secrets.ids)),
        async (path, params, otherId) => {
          const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v.slice(0, 2000))}`).join("&");
          const url = otherId ? `${path === "/" ? "" : path}/${otherId}` : `${path}${query ? `?${query}` : ""}`;
          const reply = await visitor.get(url);
          ran++;
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
          expect(reply.status, `GET ${url}: ${reply.text.slice(0, 300)}`).toBeLessThan(500);
          for (const marker of secrets.markers) if (!url.includes(marker)) expect(reply.text.includes(marker), `GET ${url} shows ${marker}`).toBe(false);
        },
      ),
      { numRuns: Math.max(50, Math.round(RUNS / 3)), seed: SEED, endOnFailure: true },
    );
    expect(await snapshot(s.db)).toEqual(before);
    console.log(`fuzz [${kind}]: ${ran} requests (seed ${SEED}); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ${Math.round(snapshotMs)} ms in snapshots`);
  }, Math.max(180_000, RUNS * 1_000));
});
