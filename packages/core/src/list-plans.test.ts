// Every list staff page through reads an index in its own order (issue 9): the plans PostgreSQL picks for
// the editor's item list, the audit log and its action filter, and the due-instance list, with
// sequential scans discouraged so the test asks "can an index answer this?", not "is the table small?".
import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { seedTenants, type Tx } from "@cong/db";
import { describeBackends, inUnit } from "@cong/db/testing";
import { fileURLToPath } from "node:url";
import { recordAudit, SYSTEM_ACTOR } from "./audit/record-audit.ts";
import { auditActions } from "./audit/list-audit.ts";
import { listTenants } from "./tenants/list-tenants.ts";

const tenantsDir = fileURLToPath(new URL("../../../tenants", import.meta.url));

describeBackends("list plans", ({ db }) => {
  let qn = "";
  let na = "";
  beforeAll(async () => {
    expect((await seedTenants(db(), tenantsDir)).failed).toEqual([]);
    const tenants = await inUnit(db(), { kind: "platform" }, (tx) => listTenants({ tx }));
    qn = tenants.find((t) => t.slug === "quang-ninh")!.id;
    na = tenants.find((t) => t.slug === "nghe-an")!.id;
  });

  const plan = (sql: string) =>
    db().owner.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("set local enable_seqscan = off");
      const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`explain ${sql}`);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
  const fullSort = /^\s*(->\s*)?Sort\b/m;

  it("pages a section's items for its editors, most recently changed first, on an index", async () => {
    const text = await plan(`select id from item where tenant_id = '${qn}' and section_id = '${randomUUID()}' order by updated_at desc, id limit 25 offset 50`);
    expect(text).toContain("item_section_id_updated_at_idx");
    expect(text).not.toMatch(fullSort);
  });

  it("pages the audit log newest first on an index", async () => {
    const text = await plan(`select id from audit_log where tenant_id = '${qn}' order by at desc, id desc limit 51 offset 100`);
    expect(text).toContain("audit_log_tenant_id_at_id_idx");
    expect(text).not.toMatch(fullSort);
  });

  it("lists the actions the audit filter offers with one index probe per action, this province's only", async () => {
    await inUnit(db(), qn, async (tx: Tx) => {
      for (const action of ["user.update", "publish", "publish", "config.import", "user.update"])
        await recordAudit(tx, { tenantId: qn, actor: SYSTEM_ACTOR, action, subject: "Test" });
    });
    await inUnit(db(), na, (tx: Tx) => recordAudit(tx, { tenantId: na, actor: SYSTEM_ACTOR, action: "na.only", subject: "Test" }));
    const actions = await inUnit(db(), qn, (tx) => auditActions(tx, qn));
    expect(actions).toEqual([...new Set(actions)].sort());
    expect(actions).toEqual(expect.arrayContaining(["config.import", "publish", "user.update"]));
    expect(actions).not.toContain("na.only");
    const text = await plan(
      `with recursive a(action) as ((select action from audit_log where tenant_id = '${qn}' order by action limit 1) union all select (select l.action from audit_log l where l.tenant_id = '${qn}' and l.action > a.action order by l.action limit 1) from a where a.action is not null) select action from a where action is not null`,
    );
    expect(text).toContain("audit_log_tenant_id_action_idx");
    expect(text).not.toMatch(/Seq Scan|HashAggregate|Unique/);
  });

  it("pages a province's due instances by due time on an index", async () => {
    const text = await plan(`select id from due_instance where tenant_id = '${qn}' order by due_at desc, key desc limit 50 offset 50`);
    expect(text).toContain("due_instance_tenant_id_due_at_key_idx");
    expect(text).not.toMatch(fullSort);
  });

  it("pages a province's places by name on an index, filtered by kind or by status (issue 10)", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const byKind = await plan(`select id from place where tenant_id = '${na}' and kind_id in ('${a}') and (sort_name > 'khu' or (sort_name = 'khu' and id > '${b}')) order by sort_name, id limit 51`);
    expect(byKind).toContain("place_tenant_id_kind_id_sort_name_id_idx");
    expect(byKind).not.toMatch(fullSort);
    const byStatus = await plan(`select id from place where tenant_id = '${na}' and kind_id in ('${a}', '${b}') and status = 'closed' order by sort_name, id limit 51`);
    expect(byStatus).toMatch(/place_tenant_id_(status_)?sort_name_id_idx/);
    expect(byStatus).not.toMatch(fullSort);
  });
});
