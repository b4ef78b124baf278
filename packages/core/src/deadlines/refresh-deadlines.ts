// Materialises the due instances of every duty with a clock over a window around now, and evaluates them
// against the agencies' update events: what was on time, late, missed, is open or overdue. Idempotent
// (instances are keyed by duty and slot), so running it from two app instances at once is harmless.
// refreshDeadlinesIn works in the caller's transaction (a request's unit of work); refreshDeadlines is the
// job's door, which opens the province's own.
import type { DeadlineRule } from "@cong/config";
import type { Db, Prisma, Tx } from "@cong/db";
import { withTenant } from "@cong/db";
import { dueInstances, evaluate, type DueInstance, type ScheduleEvent } from "@cong/schedule";
import { dutyKey, hasClock } from "./duty-key.ts";
import { loadCalendar } from "./tenant-calendar.ts";

const DAY = 86_400_000;
export type RefreshWindow = { backDays: number; aheadDays: number };
export const DEFAULT_WINDOW: RefreshWindow = { backDays: 35, aheadDays: 2 };

type Duty = { key: string; agencyId: string; sectionId: string; role: string; rule: DeadlineRule; source: string };

export type RefreshResult = { created: number; changed: number };

// A round over a province's whole window rewrites many rows: longer than an interactive transaction's 5 s.
const JOB_TIMEOUT = { timeout: 120_000, maxWait: 30_000 };

/** The background job's door: one province's round in a transaction of its own. */
export async function refreshDeadlines(db: Db, tenantId: string, now = new Date(), window = DEFAULT_WINDOW): Promise<RefreshResult> {
  return withTenant(db, tenantId, (tx) => refreshDeadlinesIn({ tx, tenantId, now, window }), JOB_TIMEOUT);
}

export async function refreshDeadlinesIn({ tx, tenantId, now = new Date(), window = DEFAULT_WINDOW }: { tx: Tx; tenantId: string; now?: Date; window?: RefreshWindow }): Promise<RefreshResult> {
  const to = new Date(now.getTime() + window.aheadDays * DAY);
  // Nothing was due before the province came onto the platform: no invented history of misses.
  const { createdAt } = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { createdAt: true } });
  const from = new Date(Math.max(now.getTime() - window.backDays * DAY, createdAt.getTime()));
  const calendar = await loadCalendar(tx, tenantId);
  const rows = await tx.duty.findMany({ where: { tenantId }, orderBy: { position: "asc" } });
  const duties = new Map<string, Duty>();
  for (const d of rows) {
    if (!hasClock(d.deadline)) continue;
    const rule = d.deadline as unknown as DeadlineRule;
    const key = dutyKey({ agencyId: d.agencyId, sectionId: d.sectionId, role: d.role, rule });
    if (!duties.has(key)) duties.set(key, { key, agencyId: d.agencyId, sectionId: d.sectionId, role: d.role, rule, source: d.source });
  }
  // Clocks started in the window (and a little before: a 15-working-day limit reaches back weeks).
  const events = await tx.clockEvent.findMany({ where: { tenantId, at: { gte: new Date(now.getTime() - (window.backDays + 60) * DAY), lt: to } } });

  let created = 0;
  for (const duty of duties.values()) {
    const mine: ScheduleEvent[] = events
      .filter((e) => (e.sectionId === null || e.sectionId === duty.sectionId) && (e.agencyId === null || e.agencyId === duty.agencyId))
      .map((e) => ({ id: e.id, at: e.at, kind: e.kind as ScheduleEvent["kind"] }));
    // An event's deadline is known as soon as the event is: materialise it however far ahead it falls,
    // and however far back (the event is real, so its deadline is no invented history).
    const byEvent = "after" in duty.rule;
    const slots = dueInstances(duty.rule, {
      from: byEvent ? new Date(now.getTime() - window.backDays * DAY) : from,
      to: byEvent ? new Date(now.getTime() + 180 * DAY) : to,
      calendar,
      events: mine,
    });
    if (slots.length === 0) continue;
    // What is stored already (a duty driven by events has one instance per question asked: tens of
    // thousands, every round); only the slots not yet stored are written.
    const bySlot = new Map(slots.map((s) => [s.key, s]));
    const stored: { id: string; key: string; dueAt: Date; opensAt: Date; closesAt: Date | null; status: string }[] = [];
    for (const keys of chunks([...bySlot.keys()], 5_000))
      stored.push(...(await tx.dueInstance.findMany({ where: { tenantId, dutyKey: duty.key, key: { in: keys } }, select: { id: true, key: true, dueAt: true, opensAt: true, closesAt: true, status: true } })));
    const known = new Set(stored.map((r) => r.key));
    const missing = slots.filter((s) => !known.has(s.key));
    if (missing.length > 0) {
      const result = await tx.dueInstance.createMany({
        data: missing.map((s) => ({
          tenantId,
          dutyKey: duty.key,
          agencyId: duty.agencyId,
          sectionId: duty.sectionId,
          role: duty.role,
          rule: duty.rule as unknown as Prisma.InputJsonValue,
          source: duty.source,
          key: s.key,
          dueAt: s.dueAt,
          opensAt: s.opensAt,
          closesAt: s.closesAt ?? null,
          required: s.required,
          eventId: s.eventId ?? null,
        })),
        // Another instance's round may have written them since (two app instances at once).
        skipDuplicates: true,
      });
      created += result.count;
    }
    // A deadline not yet met follows today's rule and calendar (a day off added, a swapped Saturday);
    // met or missed ones keep the deadline they were judged against.
    for (const row of stored) {
      if (row.status !== "open" && row.status !== "overdue") continue;
      const slot = bySlot.get(row.key)!;
      const same = row.dueAt.getTime() === slot.dueAt.getTime() && row.opensAt.getTime() === slot.opensAt.getTime() && (row.closesAt?.getTime() ?? null) === (slot.closesAt?.getTime() ?? null);
      if (!same) await tx.dueInstance.update({ where: { id: row.id }, data: { dueAt: slot.dueAt, opensAt: slot.opensAt, closesAt: slot.closesAt ?? null }, select: { id: true } });
    }
  }

  // Evaluate every duty's instances in the window against its agency's updates to its section, one duty
  // at a time: a province has tens of thousands of instances in the window, and a round must not hold
  // them all (the server's memory) nor search them per duty.
  let changed = 0;
  const since = new Date(now.getTime() - (window.backDays + 60) * DAY);
  const until = new Date(now.getTime() + 180 * DAY);
  const keys = await tx.$queryRaw<{ duty_key: string }[]>`
    select distinct duty_key from due_instance where tenant_id = ${tenantId}::uuid and due_at >= ${since} and due_at < ${until}`;
  for (const { duty_key: dutyKey } of keys) {
    // What evaluation reads and compares, nothing more (not the rule each row repeats).
    const list = await tx.dueInstance.findMany({
      where: { tenantId, dutyKey, dueAt: { gte: since, lt: until } },
      orderBy: [{ dueAt: "asc" }, { key: "asc" }],
      select: { id: true, key: true, dueAt: true, opensAt: true, closesAt: true, required: true, eventId: true, sectionId: true, agencyId: true, status: true, fulfilledAt: true, lateSeconds: true, updates: true },
    });
    if (list.length === 0) continue;
    const first = list[0]!;
    const instances: DueInstance[] = list.map((s) => ({
      key: s.key,
      dueAt: s.dueAt,
      opensAt: s.opensAt,
      required: s.required,
      ...(s.closesAt ? { closesAt: s.closesAt } : {}),
      ...(s.eventId ? { eventId: s.eventId } : {}),
    }));
    const earliest = list.reduce((min, s) => (s.opensAt < min ? s.opensAt : min), now);
    const updates = await tx.updateEvent.findMany({ where: { tenantId, sectionId: first.sectionId, agencyId: first.agencyId, at: { gte: earliest, lte: now } }, select: { at: true, eventId: true } });
    const theirs = updates.map((u) => ({ at: u.at, ...(u.eventId ? { eventId: u.eventId } : {}) }));
    const results = evaluate(instances, theirs, now);
    for (const [i, r] of results.entries()) {
      const row = list[i]!;
      const next = {
        status: r.status,
        fulfilledAt: r.fulfilledAt ?? null,
        lateSeconds: r.lateByMs === undefined ? null : Math.round(r.lateByMs / 1000),
        updates: r.updates.length,
      };
      if (row.status === next.status && row.fulfilledAt?.getTime() === next.fulfilledAt?.getTime() && row.lateSeconds === next.lateSeconds && row.updates === next.updates) continue;
      await tx.dueInstance.update({ where: { id: row.id }, data: { ...next, evaluatedAt: now }, select: { id: true } });
      changed++;
    }
  }
  return { created, changed };
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
