// Checks one pack before tenant:add loads it: valid on its own, no host of the platform's among its
// domains, and no slug or domain shared with another pack in the same folder or with another tenant
// already in the database (a domain reaching two tenants would serve one province's portal as another's).
import { readdir } from "node:fs/promises";
import path from "node:path";
import { readPack } from "@cong/config/load";
import type { LoadedPack, PackProblem, ReadPackOptions } from "@cong/config/load";
import type { Db } from "./open-db.ts";

export type PackCheck = { ok: true; loaded: LoadedPack } | { ok: false; problems: PackProblem[] };

export async function checkPackConflicts(db: Db, dir: string, options: ReadPackOptions = {}): Promise<PackCheck> {
  const read = await readPack(dir, options);
  if (!read.ok) return read;
  const { loaded } = read;
  const { pack, file } = loaded;
  const problems: PackProblem[] = [];
  const at = (p: string, message: string): PackProblem => ({ file, path: p, message });

  // The sibling packs, read one by one so a broken neighbour does not hide a duplicate.
  const self = path.resolve(dir);
  // (readAllPacks would drop whichever of two clashing packs sorts later, possibly the other one.)
  for (const other of await readSiblings(self)) {
    if (other.pack.slug === pack.slug) problems.push(at("slug", `slug "${pack.slug}" is already used by ${other.file}`));
    pack.domains.forEach((domain, i) => {
      if (other.pack.domains.includes(domain)) problems.push(at(`domains[${i}]`, `domain "${domain}" is already used by ${other.file}`));
    });
  }

  problems.push(...(await databaseConflicts(db, loaded)));

  return problems.length > 0 ? { ok: false, problems } : { ok: true, loaded };
}

async function readSiblings(self: string): Promise<LoadedPack[]> {
  const parent = path.dirname(self);
  const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
  const out: LoadedPack[] = [];
  for (const e of entries) {
    const dir = path.join(parent, e.name);
    if (!e.isDirectory() || e.name.startsWith(".") || dir === self) continue;
    const result = await readPack(dir);
    if (result.ok) out.push(result.loaded);
  }
  return out;
}

/** Domains of the pack that already reach another tenant (another slug) in the database. */
export async function databaseConflicts(db: Db, loaded: LoadedPack): Promise<PackProblem[]> {
  const { pack, file } = loaded;
  const taken = await db.owner.tenantDomain.findMany({
    where: { host: { in: pack.domains }, tenant: { slug: { not: pack.slug } } },
    select: { host: true, tenant: { select: { slug: true } } },
  });
  return taken.map((row) => ({
    file,
    path: `domains[${pack.domains.indexOf(row.host)}]`,
    message: `domain "${row.host}" already reaches tenant "${row.tenant.slug}" in the database`,
  }));
}
