// A request's unit of work (docs/decisions/0011): one transaction in the request's scope (a province, the
// operators' console or the platform), opened on first use and ended once when the answer is ready —
// committed, or rolled back when the request failed. Use cases take its `tx` and never open a transaction
// of their own; `run` hands the transaction to one piece of work at a time (Remix runs loaders in
// parallel, and one connection answers one query at a time). Work that must wait for the commit (a job
// to enqueue, a cache to tell) is queued with afterCommit.
import type { Db } from "./open-db.ts";
import { enterScope, type Scope, type Tx } from "./scoped.ts";

export type UnitOfWork = {
  readonly scope: Scope;
  /** Runs fn with the unit's transaction, opening it on first use; one fn at a time. */
  run<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs fn after a successful commit (or at once, in order, when nothing was opened). */
  afterCommit(fn: () => unknown): void;
  /** Ends the unit: commit (then the afterCommit work) or roll back. Safe to call once. */
  finish(commit: boolean): Promise<void>;
  /** Whether a transaction was opened (for tests and the log). */
  readonly opened: boolean;
};

export type UnitOptions = { maxWait?: number; timeout?: number };

// Thrown inside the transaction to make Prisma roll it back; never escapes finish().
const ROLLBACK = Symbol("rollback");

export function openUnitOfWork(db: Db, scope: Scope, options: UnitOptions = {}): UnitOfWork {
  let txReady: Promise<Tx> | null = null;
  let settle: ((commit: boolean) => void) | null = null;
  let ended: Promise<void> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let finished = false;
  const after: (() => unknown)[] = [];

  const open = (): Promise<Tx> => {
    txReady ??= new Promise<Tx>((resolveTx, rejectTx) => {
      ended = db.owner
        .$transaction(
          async (tx) => {
            await enterScope(tx, scope);
            const decided = new Promise<boolean>((resolve) => (settle = resolve));
            resolveTx(tx);
            if (!(await decided)) throw ROLLBACK;
          },
          { maxWait: options.maxWait ?? 10_000, timeout: options.timeout ?? 60_000 },
        )
        .then(
          () => undefined,
          (error: unknown) => {
            rejectTx(error);
            if (error !== ROLLBACK) throw error;
          },
        );
      // Whoever awaits txReady sees a failure to open; finish() sees it again through `ended`.
      ended.catch(() => {});
    });
    return txReady;
  };

  return {
    scope,
    get opened() {
      return txReady !== null;
    },
    run(fn) {
      if (finished) return Promise.reject(new Error("unit of work: used after it finished"));
      const result = queue.then(async () => fn(await open()));
      queue = result.catch(() => {});
      return result;
    },
    afterCommit(fn) {
      after.push(fn);
    },
    async finish(commit) {
      if (finished) return;
      finished = true;
      await queue;
      if (txReady) {
        // A transaction that failed to open has nothing to settle.
        await txReady.then(
          () => settle?.(commit),
          () => undefined,
        );
        await ended;
      }
      // The commit stands whatever follows: a failing after-commit step is logged (its message only).
      if (commit)
        for (const fn of after) {
          try {
            await fn();
          } catch (error) {
            console.error(`after commit: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
          }
        }
    },
  };
}
