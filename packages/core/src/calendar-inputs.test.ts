// Every date a person types reaches the database as typed or not at all: 30 February, 31 April, 29
// February of a common year, month 13 and year 0000 are refused on the field that holds them (JavaScript
// would have stored 2021-02-30 as 2 March), on both databases.
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { isCalendarDate } from "@cong/config";
import { seedTenants, type Db } from "@cong/db";
import { describeBackends, inUnit } from "@cong/db/testing";
import { loadAbility } from "./accounts/load-ability.ts";
import type { Viewer } from "./accounts/viewer.ts";
import { SYSTEM_ACTOR } from "./audit/record-audit.ts";
import { listAudit } from "./audit/list-audit.ts";
import { monthlyReport } from "./deadlines/monthly-report.ts";
import { recordClockEvent } from "./deadlines/record-updates.ts";
import { addTenantDay } from "./deadlines/tenant-calendar.ts";
import { itemInputSchema } from "./items/item-input.ts";
import { listFilterSchema } from "./items/public-items.ts";
import { saveItem, type SaveItemOptions } from "./items/save-item.ts";
import { transitionItem, type TransitionOptions } from "./items/transition-item.ts";
import { asLocalized } from "./json.ts";
import { listTenants } from "./tenants/list-tenants.ts";

const tenantsDir = fileURLToPath(new URL("../../../tenants", import.meta.url));
const IMPOSSIBLE = ["2021-02-30", "2021-04-31", "2021-02-29", "2021-13-01", "0000-01-01"];
const pad = (n: number, width: number) => String(n).padStart(width, "0");
const day = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
const document = (issuedOn: string, number = "12/QĐ-UBND") => ({
  kind: "document",
  category: "tinh",
  translations: { vi: { title: `Quyết định ${number}`, summary: "Về việc phòng, chống dịch" } },
  doc: { form: "Quyết định", number, issuer: "UBND tỉnh Quảng Ninh", issuedOn },
});

describe("the item schema's dates", () => {
  it("accepts a random y-m-d exactly when it is a real day, and keeps it as given (property)", () => {
    fc.assert(
      fc.property(day, (d) => {
        const parsed = itemInputSchema.safeParse(document(d));
        expect(parsed.success).toBe(isCalendarDate(d));
        if (parsed.success) expect(parsed.data.doc?.issuedOn).toBe(d);
        else expect(parsed.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["doc.issuedOn", "errors.dateInvalid"]]);
      }),
      { numRuns: 3000 },
    );
  });
});

describeBackends("impossible dates", ({ db }) => {
  let qn = "";
  let office: Viewer;
  const as = async (viewer: Viewer) => {
    const { ability } = await inUnit(db(), qn, (tx) => loadAbility({ tx, viewer, tenantId: qn }));
    return { tenantId: qn, ability, actor: { id: viewer.id, email: viewer.email, ip: null }, agencyIds: viewer.agencies.map((a) => a.id) };
  };
  // Each in its own unit of work, as a request makes it.
  type Who = keyof Awaited<ReturnType<typeof as>> | "tx" | "unit";
  const save = async (viewer: Viewer, o: Omit<SaveItemOptions, Who>) => {
    const who = await as(viewer);
    return inUnit(db(), qn, (tx, unit) => saveItem({ tx, unit, ...who, ...o }));
  };
  const transition = async (viewer: Viewer, o: Omit<TransitionOptions, Who>) => {
    const who = await as(viewer);
    return inUnit(db(), qn, (tx) => transitionItem({ tx, ...who, ...o }));
  };

  beforeAll(async () => {
    expect((await seedTenants(db(), tenantsDir)).failed).toEqual([]);
    qn = (await inUnit(db(), { kind: "platform" }, (tx) => listTenants({ tx }))).find((t) => t.slug === "quang-ninh")!.id;
    office = await viewerOf(db(), qn, "vp-ubnd");
  });

  it("refuses a document issued on a day that does not exist, naming the field, and stores nothing", async () => {
    const before = await db().owner.item.count({ where: { tenantId: qn } });
    for (const issuedOn of IMPOSSIBLE) {
      const result = await save(office, { sectionSlug: "van-ban-chi-dao", input: document(issuedOn) });
      expect([issuedOn, result]).toEqual([issuedOn, { ok: false, errors: { "doc.issuedOn": ["errors.dateInvalid"] } }]);
    }
    const effective = await save(office, { sectionSlug: "van-ban-chi-dao", input: { ...document("2021-02-01"), doc: { ...document("2021-02-01").doc, effectiveOn: "2021-02-29", expiresOn: "2021-06-31" } } });
    expect(effective).toEqual({ ok: false, errors: { "doc.effectiveOn": ["errors.dateInvalid"], "doc.expiresOn": ["errors.dateInvalid"] } });
    expect(await db().owner.item.count({ where: { tenantId: qn } })).toBe(before);
  });

  it("stores a real day exactly as given, leap days and the first years included (property, both databases)", async () => {
    const real = day.filter(isCalendarDate);
    const samples = [...fc.sample(real, { numRuns: 12, seed: 2021 }), "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"];
    for (const [i, issuedOn] of samples.entries()) {
      const saved = await save(office, { sectionSlug: "van-ban-chi-dao", input: document(issuedOn, `${i + 100}/QĐ-UBND`) });
      expect([issuedOn, saved.ok]).toEqual([issuedOn, true]);
      const row = await db().owner.item.findUniqueOrThrow({ where: { id: saved.ok ? saved.value.id : "" } });
      expect(row.docIssuedOn?.toISOString().slice(0, 10)).toBe(issuedOn);
    }
  });

  it("reads the audit filter's days on the province's own clock, whatever its time zone", async () => {
    // 23:30 UTC on 27 November is the 28th in Hà Nội (06:30) and in Tokyo (08:30), still the 27th in New York.
    await db().owner.auditLog.create({ data: { tenantId: qn, actorEmail: "tz@test.vn", action: "tz.check", subject: "Tenant", at: new Date("2026-11-27T23:30:00Z") } });
    const seen = async (timeZone: string) => {
      const r = await inUnit(db(), qn, (tx) => listAudit({ tx, tenantId: qn, input: { from: "2026-11-28", to: "2026-11-28", action: "tz.check" }, timeZone }));
      return r.ok ? r.value.rows.length : -1;
    };
    expect([await seen("Asia/Ho_Chi_Minh"), await seen("Asia/Tokyo"), await seen("America/New_York")]).toEqual([1, 1, 0]);
  });

  it("refuses them in the province's calendar, for events, scheduled publishing, the monthly report and the audit filter", async () => {
    const events = await db().owner.clockEvent.count({ where: { tenantId: qn } });
    for (const date of IMPOSSIBLE) {
      expect(await inUnit(db(), qn, (tx) => addTenantDay({ tx, tenantId: qn, input: { date, kind: "day-off" }, actor: SYSTEM_ACTOR }))).toEqual({ ok: false, errors: { date: ["errors.dateInvalid"] } });
      expect(await inUnit(db(), qn, (tx) => recordClockEvent({ tx, tenantId: qn, actor: SYSTEM_ACTOR, input: { kind: "question-asked", at: `${date}T10:00`, section: "hoi-dap" } }))).toEqual({ ok: false, errors: { at: ["errors.dateInvalid"] } });
      expect(await inUnit(db(), qn, (tx) => listAudit({ tx, tenantId: qn, input: { from: date }, timeZone: "Asia/Ho_Chi_Minh" }))).toEqual({ ok: false, errors: { from: ["errors.dateInvalid"] } });
      expect(listFilterSchema.safeParse({ to: date }).error?.issues.map((i) => i.message)).toEqual(["errors.dateInvalid"]);
    }
    expect(await db().owner.tenantDay.count({ where: { tenantId: qn } })).toBe(0);
    expect(await db().owner.clockEvent.count({ where: { tenantId: qn } })).toBe(events);
    for (const month of ["0000-01", "2021-13", "2021-00"]) expect(await inUnit(db(), qn, (tx) => monthlyReport({ tx, tenantId: qn, month }))).toEqual({ ok: false, errors: { month: ["errors.monthInvalid"] } });

    const saved = await save(office, { sectionSlug: "van-ban-chi-dao", input: document("2021-02-01", "7/QĐ-UBND") });
    const itemId = saved.ok ? saved.value.id : "";
    for (const publishAt of ["2031-02-30T08:00", "2031-04-31T08:00", "2031-02-29T08:00+07:00"]) {
      expect(await transition(office, { itemId, input: { action: "schedule", publishAt } })).toEqual({ ok: false, errors: { publishAt: ["errors.dateInvalid"] } });
    }
    expect(await db().owner.item.findUniqueOrThrow({ where: { id: itemId } }).then((i) => [i.status, i.publishAt])).toEqual(["draft", null]);
    // A real day still goes through on each door.
    expect(await inUnit(db(), qn, (tx) => addTenantDay({ tx, tenantId: qn, input: { date: "2028-02-29", kind: "day-off" }, actor: SYSTEM_ACTOR }))).toMatchObject({ ok: true, value: { date: "2028-02-29" } });
    expect(await transition(office, { itemId, input: { action: "schedule", publishAt: "2032-02-29T08:00" } })).toMatchObject({ ok: true, value: { status: "scheduled" } });
  });
});

async function viewerOf(db: Db, tenantId: string, agencyKey: string): Promise<Viewer> {
  const agencies = await db.owner.agency.findMany({ where: { tenantId, key: agencyKey } });
  const user = await db.owner.user.create({ data: { tenantId, email: `editor.${agencyKey}@test.vn`, name: "T", roles: ["editor"] } });
  return { id: user.id, sessionId: "", tenantId, email: user.email, name: user.name, roles: ["editor"], agencies: agencies.map((a) => ({ id: a.id, key: a.key, names: asLocalized(a.names) })) };
}
