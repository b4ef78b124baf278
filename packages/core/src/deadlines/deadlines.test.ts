// The deadline engine on both backends with the real packs: instances from the matrix's rules, updates
// that fulfil them on time or late, overdue and missed slots, the province's calendar, explanations,
// reminders sent once, and the monthly report.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedTenants } from "@cong/db";
import { describeBackends, inUnit } from "@cong/db/testing";
import { SYSTEM_ACTOR } from "../audit/record-audit.ts";
import { createUser } from "../accounts/create-user.ts";
import { createMailer, readOutbox } from "../mail/mailer.ts";
import { listTenants } from "../tenants/list-tenants.ts";
import { complianceOverview, listInstances } from "./compliance.ts";
import { explainInstance } from "./explain-instance.ts";
import { monthlyReport, reportCsv } from "./monthly-report.ts";
import { recordClockEvent } from "./record-updates.ts";
import { refreshDeadlines } from "./refresh-deadlines.ts";
import { sendReminders } from "./send-reminders.ts";
import { addTenantDay } from "./tenant-calendar.ts";

const tenantsDir = fileURLToPath(new URL("../../../../tenants", import.meta.url));
const vn = (local: string) => new Date(`${local}+07:00`);

describeBackends("deadlines", ({ db }) => {
  let na = "";
  let qn = "";
  let outbox = "";
  const ids = async (tenantId: string, agency: string, section: string) => ({
    agencyId: (await db().owner.agency.findFirstOrThrow({ where: { tenantId, key: agency } })).id,
    sectionId: (await db().owner.section.findFirstOrThrow({ where: { tenantId, slug: section } })).id,
  });

  beforeAll(async () => {
    expect((await seedTenants(db(), tenantsDir)).failed).toEqual([]);
    const tenants = await inUnit(db(), null, (tx) => listTenants({ tx }));
    na = tenants.find((t) => t.slug === "nghe-an")!.id;
    qn = tenants.find((t) => t.slug === "quang-ninh")!.id;
    // The provinces came onto the platform at the start of 2026: deadlines count from then.
    await db().owner.tenant.updateMany({ data: { createdAt: new Date("2026-01-01T00:00:00Z") } });
    outbox = await mkdtemp(path.join(tmpdir(), "cong-reminders-"));
  });
  afterAll(async () => {
    await rm(outbox, { recursive: true, force: true });
  });

  it("holds Nghệ An's CDC to its case figures at 06:00 and 18:00: on time, late with its lateness, overdue", async () => {
    const { agencyId, sectionId } = await ids(na, "cdc", "so-lieu");
    await db().owner.updateEvent.create({ data: { tenantId: na, sectionId, agencyId, kind: "data-entry", at: vn("2026-11-24T05:40:00") } });
    const noon = vn("2026-11-24T12:00:00");
    await refreshDeadlines(db(), na, noon);
    const slots = await inUnit(db(), na, (tx) => listInstances({ tx, tenantId: na, agencyIds: [agencyId], sectionId, from: vn("2026-11-24T00:00:00"), to: vn("2026-11-25T00:00:00"), now: noon }));
    expect(slots.map((s) => [s.key, s.status])).toEqual([
      ["2026-11-24T18:00", "open"],
      ["2026-11-24T06:00", "fulfilled"],
    ]);
    // 18:00 passes with nothing: overdue, then the figures come at 19:30 — late by an hour and a half
    await refreshDeadlines(db(), na, vn("2026-11-24T19:00:00"));
    const overdue = await inUnit(db(), na, (tx) => listInstances({ tx, tenantId: na, agencyIds: [agencyId], sectionId, status: ["overdue"], now: vn("2026-11-24T19:00:00") }));
    expect(overdue.map((s) => [s.key, s.lateSeconds])).toEqual([["2026-11-24T18:00", 3600]]);
    await db().owner.updateEvent.create({ data: { tenantId: na, sectionId, agencyId, kind: "data-entry", at: vn("2026-11-24T19:30:00") } });
    await refreshDeadlines(db(), na, vn("2026-11-24T20:00:00"));
    const evening = await db().owner.dueInstance.findFirstOrThrow({ where: { tenantId: na, agencyId, sectionId, key: "2026-11-24T18:00" } });
    expect([evening.status, evening.lateSeconds]).toEqual(["late", 5400]);
    // the next morning slot nobody fills is missed once the evening slot falls due
    await refreshDeadlines(db(), na, vn("2026-11-25T18:30:00"));
    expect((await db().owner.dueInstance.findFirstOrThrow({ where: { tenantId: na, agencyId, key: "2026-11-25T06:00" } })).status).toBe("missed");
    // and the dashboard row reflects it
    const overview = await inUnit(db(), na, (tx) => complianceOverview({ tx, tenantId: na, now: vn("2026-11-25T18:30:00") }));
    const row = overview.find((r) => r.agencyKey === "cdc" && r.sectionSlug === "so-lieu");
    expect(row).toMatchObject({ overdue: 1 });
    // seven days of two slots each, of which only the 24th's 06:00 was met on time
    expect(row?.onTime7).toBeCloseTo(1 / 14);
  });

  it("runs a 15-working-day limit over Tết 2026 and explains it, and follows a day off the province adds", async () => {
    const { agencyId } = await ids(qn, "so-ldtbxh", "chinh-sach-ho-tro");
    const event = await inUnit(db(), qn, (tx) =>
      recordClockEvent({
        tx,
        tenantId: qn,
        actor: SYSTEM_ACTOR,
        input: { kind: "document-issued", at: "2026-02-13T10:00", section: "chinh-sach-ho-tro", agency: "so-ldtbxh" },
        now: vn("2026-02-13T11:00:00"),
      }),
    );
    expect(event.ok).toBe(true);
    await refreshDeadlines(db(), qn, vn("2026-02-14T09:00:00"));
    const inst = await db().owner.dueInstance.findFirstOrThrow({ where: { tenantId: qn, agencyId, eventId: event.ok ? event.value.id : "" } });
    // 15 working days after Friday 13 February, skipping the Tết week and the weekends: the end of Friday 13 March
    expect(inst.dueAt.toISOString()).toBe("2026-03-13T17:00:00.000Z");
    const why = await inUnit(db(), qn, (tx) => explainInstance({ tx, tenantId: qn, id: inst.id }));
    expect(why?.explanation.workingDays?.counted).toHaveLength(15);
    const tet = why?.explanation.workingDays?.skipped.filter((s) => s.reasons.some((r) => r.kind === "holiday" && "key" in r && r.key === "tet"));
    expect(tet?.map((s) => s.date)).toEqual(["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]);
    // the province gives 2 March off: the open deadline moves a working day later
    const dayOff = await inUnit(db(), qn, (tx) => addTenantDay({ tx, tenantId: qn, input: { date: "2026-03-02", kind: "day-off", name: "Nghỉ theo quyết định của tỉnh" }, actor: SYSTEM_ACTOR }));
    expect(dayOff.ok).toBe(true);
    await refreshDeadlines(db(), qn, vn("2026-02-20T09:00:00"));
    expect((await db().owner.dueInstance.findUniqueOrThrow({ where: { id: inst.id } })).dueAt.toISOString()).toBe("2026-03-16T17:00:00.000Z");
    const again = await inUnit(db(), qn, (tx) => explainInstance({ tx, tenantId: qn, id: inst.id }));
    expect(again?.explanation.workingDays?.skipped.find((s) => s.date === "2026-03-02")?.reasons).toEqual([{ kind: "tenant-day-off", name: "Nghỉ theo quyết định của tỉnh" }]);
    expect(again?.explanation.matchesInstance).toBe(true);
  });

  it("mails each responsible editor once before a deadline and once when it is overdue, however often it runs", async () => {
    const mailer = createMailer({ from: "test@cong.vn", outboxDir: outbox });
    const { agencyId, sectionId } = await ids(na, "cdc", "so-lieu");
    await inUnit(db(), na, async (tx) => {
      await createUser({ tx, tenantId: na, input: { email: "cdc.editor@na.vn", name: "Biên tập CDC", roles: ["editor"], agencies: ["cdc"] }, password: "Mot-mat-khau-rat-dai-cho-cdc", actor: SYSTEM_ACTOR });
      await createUser({ tx, tenantId: na, input: { email: "cdc.viewer@na.vn", name: "Xem CDC", roles: ["viewer"], agencies: ["cdc"] }, actor: SYSTEM_ACTOR });
    });
    // the morning figures came in on time; the evening ones are due at 18:00
    await db().owner.updateEvent.create({ data: { tenantId: na, sectionId, agencyId, kind: "data-entry", at: vn("2026-11-26T05:50:00") } });
    const before = vn("2026-11-26T17:30:00");
    await refreshDeadlines(db(), na, before);
    const runs = await Promise.all([1, 2, 3].map(() => sendReminders(db(), na, { mailer, baseUrl: "http://nghe-an.localhost:3000", now: before })));
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
    await refreshDeadlines(db(), na, vn("2026-11-26T18:20:00"));
    await sendReminders(db(), na, { mailer, baseUrl: "http://nghe-an.localhost:3000", now: vn("2026-11-26T18:20:00") });
    await sendReminders(db(), na, { mailer, baseUrl: "http://nghe-an.localhost:3000", now: vn("2026-11-26T18:25:00") });
    const mails = (await readOutbox(outbox)).filter((m) => m.to === "cdc.editor@na.vn");
    expect(mails.map((m) => m.subject).sort()).toEqual(["Quá hạn cập nhật: Số liệu ca bệnh (hạn 18:00 26/11/2026)", "Sắp đến hạn cập nhật: Số liệu ca bệnh (18:00 26/11/2026)"].sort());
    expect(mails[0]!.text).toContain("http://nghe-an.localhost:3000/admin/sections/so-lieu");
    expect((await readOutbox(outbox)).some((m) => m.to === "cdc.viewer@na.vn")).toBe(false);
  });

  it("reports a month per agency and section, as a table and as CSV that spreadsheets read", async () => {
    const report = await inUnit(db(), na, (tx) => monthlyReport({ tx, tenantId: na, month: "2026-11" }));
    expect(report.ok).toBe(true);
    const rows = report.ok ? report.value.rows : [];
    const cdc = rows.find((r) => r.agencyKey === "cdc" && r.sectionSlug === "so-lieu")!;
    expect(cdc.onTime).toBeGreaterThanOrEqual(1);
    expect(cdc.late).toBeGreaterThanOrEqual(1);
    expect(cdc.missed).toBeGreaterThanOrEqual(1);
    expect(cdc.due).toBe(cdc.onTime + cdc.late + cdc.missed + cdc.pending);
    const csv = reportCsv(report.ok ? report.value : { month: "", rows: [], totals: { due: 0, onTime: 0, late: 0, missed: 0, pending: 0 } }, ["Tháng", "Cơ quan", "Chuyên mục", "Đến hạn", "Đúng hạn", "Trễ", "Bỏ lỡ", "Chưa đến hạn"], "vi");
    expect(csv.startsWith("\uFEFFTháng,Cơ quan")).toBe(true);
    expect(csv).toContain("2026-11,Trung tâm Kiểm soát bệnh tật tỉnh,Số liệu ca bệnh");
    expect(await inUnit(db(), na, (tx) => monthlyReport({ tx, tenantId: na, month: "2026-13" }))).toEqual({ ok: false, errors: { month: ["errors.monthInvalid"] } });
  });

  it("refuses an event in the future or in an unknown section, naming the field", async () => {
    const now = vn("2026-11-25T10:00:00");
    const record = (input: unknown) => inUnit(db(), qn, (tx) => recordClockEvent({ tx, tenantId: qn, actor: SYSTEM_ACTOR, input, now }));
    expect(await record({ kind: "question-asked", at: "2026-12-01T10:00", section: "hoi-dap" })).toEqual({ ok: false, errors: { at: ["errors.eventInFuture"] } });
    expect(await record({ kind: "question-asked", at: "2026-11-25T09:00", section: "khong-co" })).toEqual({ ok: false, errors: { section: ["errors.sectionNotFound"] } });
    const bad = await record({ kind: "party", at: "hôm qua", section: "" });
    expect(Object.keys(bad.ok ? {} : bad.errors).sort()).toEqual(["at", "kind", "section"]);
  });
});
