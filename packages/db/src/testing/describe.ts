// Test helper: `describe` a block of tests once per backend (./backends.ts), with its database opened
// before the block's tests and closed after them. A database that starts migrated (or seeded) is a copy
// of the run's template of that name when the global setup made one (./templates.ts).
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import { migrate } from "../migrate.ts";
import type { Db } from "../open-db.ts";
import { backends, type Backend, type Created, type TemplateRef } from "./backends.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The templates the run's global setup prepared (vitest.global-setup.ts), by name. */
    congTemplates: Record<string, TemplateRef>;
  }
}

/**
 * A database that starts as `prepare` leaves a new one: a copy of the run's template of that name when
 * the global setup made one (the same `prepare`, run once), else a new database prepared here.
 */
export async function createPrepared(backend: Backend, template: string, prepare: (db: Db) => Promise<unknown>): Promise<Created> {
  const ref = templateRef(template, backend.kind);
  if (ref) return backend.create({ [backend.kind]: ref });
  const created = await backend.create();
  try {
    await prepare(created.db);
  } catch (error) {
    await created.dispose();
    throw error;
  }
  return created;
}

function templateRef(name: string, kind: Db["kind"]): string | undefined {
  let provided: Record<string, TemplateRef> | undefined;
  try {
    provided = inject("congTemplates");
  } catch {
    provided = undefined; // outside a Vitest worker
  }
  return provided?.[name]?.[kind];
}

/**
 * `describe` once per backend, with something opened on it before the block's tests (`open`) and closed
 * after them; the body gets a getter for it. A skipped backend shows as one skipped test with the reason.
 */
export function describeEach<T>(
  title: string,
  open: (backend: Backend) => Promise<T>,
  close: (opened: T) => Promise<void>,
  body: (get: () => T, kind: Db["kind"]) => void,
  options: { setupTimeout?: number } = {},
) {
  for (const backend of backends) {
    if (backend.skip) {
      describe(`${title} [${backend.kind}]`, () => {
        it.skip(`skipped: ${backend.skip}`, () => {});
      });
      continue;
    }
    describe(`${title} [${backend.kind}]`, () => {
      let current: T | undefined;
      beforeAll(async () => {
        current = await open(backend);
      }, options.setupTimeout);
      afterAll(async () => {
        if (current !== undefined) await close(current);
      });
      body(() => {
        if (current === undefined) throw new Error(`${title}: not opened yet`);
        return current;
      }, backend.kind);
    });
  }
}

/**
 * `describe` once per backend. The body gets a getter for the database, created (and migrated unless
 * `migrated: false`) before the block's tests and dropped after them.
 */
export function describeBackends(title: string, body: (ctx: { db: () => Db; kind: Db["kind"] }) => void, options: { migrated?: boolean } = {}) {
  describeEach(
    title,
    (backend) => (options.migrated === false ? backend.create() : createPrepared(backend, "migrated", migrate)),
    (created) => created.dispose(),
    (get, kind) => body({ kind, db: () => get().db }),
  );
}
