// The embedded demo's accounts: one provincial admin per province and one platform operator, with
// random passwords kept in DATA_DIR/demo-accounts.json (readable by its owner only) and printed at each
// start, so a newcomer can sign in at once. Never called in production.
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createUser, inScope, listTenants, setPassword, SYSTEM_ACTOR } from "@cong/core";
import { withPlatform, type Db } from "@cong/db";

export type DemoAccount = { slug: string | null; email: string; password: string; role: "admin" | "operator" };

const demoPassword = () => `Cong-${randomBytes(9).toString("base64url")}`;

export async function ensureDemoAccounts(db: Db, dataDir: string): Promise<DemoAccount[]> {
  const file = path.join(dataDir, "demo-accounts.json");
  const saved = JSON.parse(await readFile(file, "utf8").catch(() => "[]")) as DemoAccount[];
  const wanted: Omit<DemoAccount, "password">[] = [
    { slug: null, email: "operator@cong.localhost", role: "operator" },
    ...(await withPlatform(db, (tx) => listTenants({ tx }))).map((t) => ({ slug: t.slug, email: `admin@${t.slug}.localhost`, role: "admin" as const })),
  ];
  const tenants = new Map((await withPlatform(db, (tx) => listTenants({ tx }))).map((t) => [t.slug, t.id]));
  const accounts: DemoAccount[] = [];
  for (const w of wanted) {
    const tenantId = w.slug === null ? null : (tenants.get(w.slug) ?? null);
    const known = saved.find((s) => s.email === w.email && s.slug === w.slug);
    const password = known?.password ?? demoPassword();
    const name = w.role === "operator" ? "Vận hành nền tảng" : "Quản trị cổng";
    const created = await inScope(db, tenantId, (tx) => createUser({ tx, tenantId, input: { email: w.email, name, roles: [w.role], agencies: [] }, password, actor: SYSTEM_ACTOR }));
    if (!created.ok) {
      // Already there: keep the saved password, or set a new one when the file was lost.
      if (!known) {
        const set = await inScope(db, tenantId, (tx) => setPassword({ tx, tenantId, email: w.email, password, actor: SYSTEM_ACTOR }));
        if (!set.ok) throw new Error(`demo account ${w.email}: ${JSON.stringify(set.errors)}`);
      }
    }
    accounts.push({ ...w, password });
  }
  await writeFile(file, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  return accounts;
}

export function printDemoAccounts(accounts: DemoAccount[], platformDomain: string, port: number): void {
  if (accounts.length === 0) return;
  console.log("  demo accounts (development only; sign in at /admin):");
  for (const a of accounts) {
    const host = a.slug ? `${a.slug}.${platformDomain}` : platformDomain;
    console.log(`    http://${host}:${port}/admin  ${a.email}  ${a.password}`);
  }
}
