// A request's unit of work on both databases: opened on first use only, one transaction for every piece
// of work however they interleave, in the request's scope, committed or rolled back as a whole, and the
// after-commit work run only after a commit.
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadPack } from "./load-pack.ts";
import { describeBackends } from "./testing/backends.ts";
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

  it("keeps another province's rows out of reach", async () => {
    const unit = openUnitOfWork(db(), { kind: "tenant", tenantId: a });
    await expect(unit.run((tx) => tx.agency.create({ data: { tenantId: b, key: "intruder", names: { vi: "X" }, kind: "other" } }))).rejects.toThrow(/row-level security|42501/i);
    await unit.finish(false);
    const platform = openUnitOfWork(db(), { kind: "platform" });
    expect(await platform.run((tx) => tx.agency.count())).toBe(0);
    await platform.finish(true);
  });
});
