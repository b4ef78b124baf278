// The job queue in the database (pg-boss) on both backends: a scheduled item is published at its time by
// the queue, once, even with two app instances' workers on one PostgreSQL database; jobs survive a stop.
import { fileURLToPath } from "node:url";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedTenants } from "@cong/db";
import { describeBackends, inUnit } from "@cong/db/testing";
import { loadAbility } from "../accounts/load-ability.ts";
import { asLocalized } from "../json.ts";
import { createMailer } from "../mail/mailer.ts";
import { saveItem } from "../items/save-item.ts";
import { transitionItem } from "../items/transition-item.ts";
import { listTenants } from "../tenants/list-tenants.ts";
import { prepareJobs } from "./prepare-jobs.ts";
import { startJobs, type Jobs } from "./start-jobs.ts";

const tenantsDir = fileURLToPath(new URL("../../../../tenants", import.meta.url));

async function until(check: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("timed out");
}

describeBackends("jobs", ({ db, kind }) => {
  let qn = "";
  let outbox = "";
  const running: Jobs[] = [];

  beforeAll(async () => {
    // what db:migrate does after the SQL migrations: the queue's schema and tables, as the owner
    await prepareJobs(db());
    expect((await seedTenants(db(), tenantsDir)).failed).toEqual([]);
    qn = (await inUnit(db(), null, (tx) => listTenants({ tx }))).find((t) => t.slug === "quang-ninh")!.id;
    outbox = await mkdtemp(path.join(tmpdir(), "cong-jobs-"));
  });
  afterAll(async () => {
    for (const j of running) await j.stop();
    await rm(outbox, { recursive: true, force: true });
  });

  const start = async () => {
    const jobs = await startJobs({
      db: db(),
      mailer: createMailer({ from: "t@cong.vn", outboxDir: outbox }),
      tenantUrl: (slug) => `http://${slug}.localhost`,
      pollSeconds: 0.5,
      log: () => {},
    });
    running.push(jobs);
    return jobs;
  };

  it(`publishes a scheduled item at its time through the queue, once${kind === "postgres" ? ", with two instances working" : ""}`, async () => {
    const instances = kind === "postgres" ? [await start(), await start()] : [await start()];
    const agency = await db().owner.agency.findFirstOrThrow({ where: { tenantId: qn, key: "so-y-te" } });
    const user = await db().owner.user.create({ data: { tenantId: qn, email: `jobs.${kind}@qn.vn`, name: "J", roles: ["editor"] } });
    const viewer = { id: user.id, sessionId: "", tenantId: qn, email: user.email, name: "J", roles: ["editor" as const], agencies: [{ id: agency.id, key: agency.key, names: asLocalized(agency.names) }] };
    const { ability } = await inUnit(db(), qn, (tx) => loadAbility({ tx, viewer, tenantId: qn }));
    const actor = { id: user.id, email: user.email, ip: null };
    const saved = await inUnit(db(), qn, (tx, unit) => saveItem({ tx, unit, tenantId: qn, ability, actor, agencyIds: [agency.id], sectionSlug: "cam-nang", input: { kind: "article", translations: { vi: { title: `Hẹn giờ ${kind}` } } } }));
    const id = saved.ok ? saved.value.id : "";
    const at = new Date(Date.now() + 2_000);
    const scheduled = await inUnit(db(), qn, (tx) => transitionItem({ tx, tenantId: qn, ability, actor, itemId: id, input: { action: "schedule", publishAt: at.toISOString() } }));
    expect(scheduled).toMatchObject({ ok: true, value: { status: "scheduled" } });
    // every instance is told, as every request handler would tell its own
    for (const j of instances) await j.publishAt(at);
    await until(async () => (await db().owner.item.findUniqueOrThrow({ where: { id } })).status === "published");
    const item = await db().owner.item.findUniqueOrThrow({ where: { id } });
    expect(item.publishedAt!.getTime()).toBeGreaterThanOrEqual(at.getTime());
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await db().owner.updateEvent.count({ where: { itemId: id } })).toBe(1);
    expect(await db().owner.itemRevision.count({ where: { itemId: id, action: "auto-publish" } })).toBe(1);
  });

  it("keeps queued jobs across a stop and runs them on the next start", async () => {
    for (const j of running.splice(0)) await j.stop();
    const rows = await db().executeSql("select count(*)::int as n from pgboss.schedule");
    expect(Number(rows.rows[0]?.n)).toBeGreaterThanOrEqual(2);
    const jobs = await start();
    // the deadline round the start queues runs: instances appear for Quảng Ninh's daily duties
    await until(async () => (await db().owner.dueInstance.count({ where: { tenantId: qn } })) > 0);
    await jobs.stop();
    running.splice(0);
  });
});
