// A request's unit of work on both databases: opened on first use only, one transaction for every piece
// of work however they interleave, in the request's scope, committed or rolled back as a whole, and the
// after-commit work run only after a commit.
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadPack } from "./load-pack.ts";
import { describeBackends } from "./testing/describe.ts";
import { fixturePack, tempTenantsDir } from "./testing/fixtures.ts";
import { openUnitOfWork } from "./unit-of-work.ts";

describeBackends("unit of work", ({ db }) => {
  let a = "";
  let b = "";
  let dir = "";
  beforeAll(async () => {
    dir = await tempTenantsDir();
    for (const slug of ["tinh-a", "tinh-b"]) expect((await loadPack(db(), await fixturePack(dir, { slug }))).status).toBe("created");
    const rows = await db().owner.tenant.findMany({ select: { id: true, slug: true } });
    a = rows.find((r) => r.slug === "tinh-a")!.id;
    b = rows.find((r) => r.slug === "tinh-b")!.id;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const txid = (tx: { $queryRaw: (q: TemplateStringsArray) => Promise<{ id: string }[]> }) => tx.$queryRaw`select txid_current()::text as id`.then((r) => r[0]!.id);

  it("opens nothing until it is used, and still runs its after-commit work", async () => {
    const unit = openUnitOfWork(db(), { kind: "tenant", tenantId: a });
    const done: string[] = [];
    unit.afterCommit(() => done.push("after"));
    await unit.finish(true);
    expect([unit.opened, done]).toEqual([false, ["after"]]);
  });

  it("gives every piece of work, even in parallel, the same transaction in the request's scope", async () => {
    const unit = openUnitOfWork(db(), { kind: "tenant", tenantId: a });
    const [one, two, three] = await Promise.all([unit.run(txid), unit.run(txid), unit.run((tx) => tx.section.findMany({ select: { tenantId: true } }))]);
    await unit.finish(true);
    expect(one).toBe(two);
    expect(new Set(three.map((s) => s.tenantId))).toEqual(new Set([a]));
    await expect(unit.run(txid)).rejects.toThrow(/finished/);
  });

  it("commits all of it, or nothing, and runs after-commit work only after a commit", async () => {
    const keys = [`uow-${randomUUID().slice(0, 8)}`, `uow-${randomUUID().slice(0, 8)}`];
    const write = (key: string) => (tx: Parameters<Parameters<ReturnType<typeof openUnitOfWork>["run"]>[0]>[0]) =>
      tx.agency.create({ data: { tenantId: a, key, names: { vi: key }, kind: "other" } });
    const kept = openUnitOfWork(db(), { kind: "tenant", tenantId: a });
    const done: string[] = [];
    kept.afterCommit(async () => {
      // The commit is visible to anyone by now.
      done.push(String(await db().owner.agency.count({ where: { key: keys[0] } })));
    });
    await kept.run(write(keys[0]!));
    await kept.finish(true);
    expect(done).toEqual(["1"]);

    const dropped = openUnitOfWork(db(), { kind: "tenant", tenantId: a });
    dropped.afterCommit(() => done.push("never"));
    await dropped.run(write(keys[1]!));
    await expect(dropped.run(() => Promise.reject(new Error("a bug")))).rejects.toThrow("a bug");
    await dropped.finish(false);
    expect(await db().owner.agency.count({ where: { key: keys[1] } })).toBe(0);
    expect(done).toEqual(["1"]);
  });

  it("runs its after-rollback work, with a new transaction in the same scope, only when it did not commit", async () => {
    const seen: string[] = [];
    const kept = openUnitOfWork(db(), { kind: "tenant", tenantId: a });
    kept.afterRollback(() => seen.push("never"));
    await kept.run(txid);
    await kept.finish(true);

    const key = `undo-${randomUUID().slice(0, 8)}`;
    const dropped = openUnitOfWork(db(), { kind: "tenant", tenantId: a });
    dropped.afterCommit(() => seen.push("never"));
    dropped.afterRollback(async (again) => {
      // The rolled-back row is gone, and the new transaction sees this province only.
      seen.push(String(await again((tx) => tx.agency.count({ where: { key } }))));
      seen.push([...new Set(await again((tx) => tx.section.findMany({ select: { tenantId: true } })).then((r) => r.map((x) => x.tenantId)))].join());
    });
    await dropped.run((tx) => tx.agency.create({ data: { tenantId: a, key, names: { vi: key }, kind: "other" } }));
    await dropped.finish(false);
    expect(seen).toEqual(["0", a]);
  });

  it("lets the operators' console act for one province in its transaction, and nobody else", async () => {
    const console_ = openUnitOfWork(db(), { kind: "operator" });
    const seen = await console_.runFor(a, (tx) => tx.section.findMany({ select: { tenantId: true } }));
    // Back in the console's scope afterwards: no province's rows.
    const after = await console_.run((tx) => tx.section.count());
    await console_.finish(true);
    expect([...new Set(seen.map((s) => s.tenantId))]).toEqual([a]);
    expect(after).toBe(0);
    const province = openUnitOfWork(db(), { kind: "tenant", tenantId: a });
    await expect(province.runFor(b, (tx) => tx.section.count())).rejects.toThrow(/only the operators/);
    await province.finish(true);
  });

  it("commits at a checkpoint and goes on in a new transaction, so nothing stays open across a slow upload", async () => {
    const key = `cp-${randomUUID().slice(0, 8)}`;
    const unit = openUnitOfWork(db(), { kind: "tenant", tenantId: a });
    const seen: string[] = [];
    unit.afterCommit(() => seen.push("first"));
    const first = await unit.run(txid);
    await unit.run((tx) => tx.agency.create({ data: { tenantId: a, key, names: { vi: key }, kind: "other" } }));
    await unit.checkpoint();
    // Committed and visible to anyone, its after-commit work done, before the request ends.
    expect(await db().owner.agency.count({ where: { key } })).toBe(1);
    expect(seen).toEqual(["first"]);
    unit.afterCommit(() => seen.push("never"));
    const second = await unit.run(txid);
    await unit.run((tx) => tx.agency.update({ where: { tenantId_key: { tenantId: a, key } }, data: { kind: "changed" } }));
    await unit.finish(false);
    expect(second).not.toBe(first);
    expect(await db().owner.agency.findFirst({ where: { key }, select: { kind: true } })).toEqual({ kind: "other" });
    expect(seen).toEqual(["first"]);
  });

  it("keeps another province's rows out of reach", async () => {
    const unit = openUnitOfWork(db(), { kind: "tenant", tenantId: a });
    await expect(unit.run((tx) => tx.agency.create({ data: { tenantId: b, key: "intruder", names: { vi: "X" }, kind: "other" } }))).rejects.toThrow(/row-level security|42501/i);
    await unit.finish(false);
    const platform = openUnitOfWork(db(), { kind: "platform" });
    expect(await platform.run((tx) => tx.agency.count())).toBe(0);
    await platform.finish(true);
  });
});
