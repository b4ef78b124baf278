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
  /**
   * The operators' console acting for one province (inviting its first admin): runs fn in that
   * province's scope inside the same transaction, then returns to the console's scope. Refused in any
   * unit but the console's, so a province's request can never reach another's rows.
   */
  runFor<T>(tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Commits what was done so far, so that no transaction stays open while something slow happens
   * outside the database (reading a 100 MB upload from a slow client after the sign-in was checked);
   * the next run opens a new transaction. After-commit work queued so far runs now.
   */
  checkpoint(): Promise<void>;
  /** Runs fn after a successful commit (or at once, in order, when nothing was opened). */
  afterCommit(fn: () => unknown): void;
  /**
   * Runs fn when the unit did not commit (rolled back, or the commit failed), with `again`: a new
   * transaction in the same scope, for undoing what lives outside the database (a stored file).
   */
  afterRollback(fn: (again: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>) => unknown): void;
  /** Ends the unit: commit (then the afterCommit work) or roll back. Safe to call once. */
  finish(commit: boolean): Promise<void>;
  /** Whether a transaction was opened (for tests and the log). */
  readonly opened: boolean;
};

export type UnitOptions = { maxWait?: number; timeout?: number };

/** What a use case that writes outside the database gets besides tx: the unit's hooks. */
export type UnitHooks = Pick<UnitOfWork, "afterCommit" | "afterRollback">;

// A request's transaction lives as long as the request: storing a 100 MB video to an object store happens
// inside it (docs/decisions/0010), so the limit is the request's, not Prisma's 5 s default.
const UNIT_TIMEOUT = 150_000;

// Thrown inside the transaction to make Prisma roll it back; never escapes finish().
const ROLLBACK = Symbol("rollback");

export function openUnitOfWork(db: Db, scope: Scope, options: UnitOptions = {}): UnitOfWork {
  let txReady: Promise<Tx> | null = null;
  let settle: ((commit: boolean) => void) | null = null;
  let ended: Promise<void> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let finished = false;
  let everOpened = false;
  let after: (() => unknown)[] = [];
  let undo: ((again: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>) => unknown)[] = [];

  const open = (): Promise<Tx> => {
    everOpened = true;
    txReady ??= new Promise<Tx>((resolveTx, rejectTx) => {
      ended = db.owner
        .$transaction(
          async (tx) => {
            await enterScope(tx, scope);
            const decided = new Promise<boolean>((resolve) => (settle = resolve));
            resolveTx(tx);
            if (!(await decided)) throw ROLLBACK;
          },
          { maxWait: options.maxWait ?? 10_000, timeout: options.timeout ?? UNIT_TIMEOUT },
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

  const again = <T>(work: (tx: Tx) => Promise<T>): Promise<T> =>
    db.owner.$transaction(async (tx) => {
      await enterScope(tx, scope);
      return work(tx);
    });
  // Undoing is best effort: the request's own failure is the one to report.
  const runUndo = async (fns: typeof undo): Promise<void> => {
    for (const fn of fns) {
      try {
        await fn(again);
      } catch (error) {
        console.error(`after rollback: ${firstLine(error)}`);
      }
    }
  };

  // Ends the open transaction (if any) and runs the hooks queued with it; the next run opens a new one.
  const endSegment = async (commit: boolean): Promise<void> => {
    const [ready, done, hooks, undoing] = [txReady, ended, after, undo];
    txReady = null;
    ended = null;
    after = [];
    undo = [];
    let committed = commit;
    if (ready) {
      // A transaction that failed to open has nothing to settle.
      await ready.then(
        () => settle?.(commit),
        () => undefined,
      );
      settle = null;
      try {
        await done;
      } catch (error) {
        committed = false;
        await runUndo(undoing);
        throw error;
      }
    }
    if (!committed) return runUndo(undoing);
    // The commit stands whatever follows: a failing after-commit step is logged (its message only).
    for (const fn of hooks) {
      try {
        await fn();
      } catch (error) {
        console.error(`after commit: ${firstLine(error)}`);
      }
    }
  };

  const unit: UnitOfWork = {
    scope,
    get opened() {
      return everOpened;
    },
    run(fn) {
      if (finished) return Promise.reject(new Error("unit of work: used after it finished"));
      const result = queue.then(async () => fn(await open()));
      queue = result.catch(() => {});
      return result;
    },
    runFor(tenantId, fn) {
      if (scope.kind !== "operator") return Promise.reject(new Error("unit of work: only the operators' console acts for a province"));
      return unit.run(async (tx) => {
        await enterScope(tx, { kind: "tenant", tenantId });
        try {
          return await fn(tx);
        } finally {
          await enterScope(tx, scope);
        }
      });
    },
    checkpoint() {
      if (finished) return Promise.reject(new Error("unit of work: used after it finished"));
      const done = queue.then(() => endSegment(true));
      queue = done.catch(() => {});
      return done;
    },
    afterCommit(fn) {
      after.push(fn);
    },
    afterRollback(fn) {
      undo.push(fn);
    },
    async finish(commit) {
      if (finished) return;
      finished = true;
      await queue;
      await endSegment(commit);
    },
  };
  return unit;
}

function firstLine(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0]! : String(error);
}
