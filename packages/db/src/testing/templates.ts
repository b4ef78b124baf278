// Test helper for Vitest's global setup: each database a block of tests starts from (migrated; migrated
// and seeded with the three provinces) prepared once per run on each backend, where the blocks then copy
// it (backends.ts createPrepared): a PGlite folder copied opens in about a second instead of the four of
// a new one plus its migrations and seeding, a server database is copied by `create database … template`.
import type { Db } from "../open-db.ts";
import { backends, type TemplateRef } from "./backends.ts";

export type Templates = { refs: Record<string, TemplateRef>; dispose(): Promise<void> };

export type TemplateSpec = { name: string; prepare: (db: Db) => Promise<unknown>; /** an earlier template it starts as a copy of */ from?: string };

/** Prepares the templates in order on every backend that is not skipped (the backends in parallel). */
export async function buildTemplates(specs: TemplateSpec[]): Promise<Templates> {
  const refs: Record<string, TemplateRef> = {};
  const made: (() => Promise<void>)[] = [];
  const dispose = async () => {
    await Promise.all(made.map((d) => d().catch(() => {})));
  };
  try {
    await Promise.all(
      backends
        .filter((b) => !b.skip)
        .map(async (backend) => {
          for (const { name, prepare, from } of specs) {
            const t = await backend.template(name, prepare, from === undefined ? undefined : refs[from]?.[backend.kind]);
            made.push(t.dispose);
            (refs[name] ??= {})[backend.kind] = t.ref;
          }
        }),
    );
  } catch (error) {
    await dispose();
    throw error;
  }
  return { refs, dispose };
}
