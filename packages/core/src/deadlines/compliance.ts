// The lead unit's view: per agency and section, the next due time, how punctual the agency has been over
// 7 and 30 days, and what is overdue now (with how late); and the instances behind each figure.
import type { Localized } from "@cong/config";
import type { Prisma, Tx } from "@cong/db";
import { endOfLocalDay, localDateOf, startOfLocalDay } from "@cong/schedule";
import { asLocalized } from "../json.ts";

const DAY = 86_400_000;

export type ComplianceRow = {
  agencyId: string;
  agencyKey: string;
  agency: Localized;
  sectionId: string;
  sectionSlug: string;
  section: Localized;
  nextDue: Date | null;
  /** On-time share of the instances that fell due in the period; null when none did. */
  onTime7: number | null;
  onTime30: number | null;
  due30: number;
  overdue: number;
  /** The longest current lateness among the overdue ones, in seconds. */
  worstLateSeconds: number | null;
};

const FINAL_OR_LATE = ["fulfilled", "late", "missed", "overdue"];

function rate(rows: { status: string }[]): number | null {
  const counted = rows.filter((r) => FINAL_OR_LATE.includes(r.status));
  return counted.length === 0 ? null : counted.filter((r) => r.status === "fulfilled").length / counted.length;
}

export async function complianceOverview({ tx, tenantId, now = new Date(), agencyIds }: { tx: Tx; tenantId: string; now?: Date; agencyIds?: string[] }): Promise<ComplianceRow[]> {
  const where: Prisma.DueInstanceWhereInput = { tenantId, dueAt: { gte: new Date(now.getTime() - 30 * DAY) }, ...(agencyIds ? { agencyId: { in: agencyIds } } : {}) };
  const rows = await tx.dueInstance.findMany({
    where,
    select: { agencyId: true, sectionId: true, status: true, dueAt: true, agency: { select: { key: true, names: true } }, section: { select: { slug: true, names: true, position: true } } },
  });
  const groups = new Map<string, typeof rows>();
  for (const r of rows) groups.set(`${r.agencyId}/${r.sectionId}`, [...(groups.get(`${r.agencyId}/${r.sectionId}`) ?? []), r]);
  const out: (ComplianceRow & { position: number })[] = [];
  for (const list of groups.values()) {
    const first = list[0]!;
    const past = list.filter((r) => r.dueAt <= now);
    const overdue = list.filter((r) => r.status === "overdue");
    const next = list.filter((r) => r.dueAt > now && r.status === "open").sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
    out.push({
      agencyId: first.agencyId,
      agencyKey: first.agency.key,
      agency: asLocalized(first.agency.names),
      sectionId: first.sectionId,
      sectionSlug: first.section.slug,
      section: asLocalized(first.section.names),
      position: first.section.position,
      nextDue: next?.dueAt ?? null,
      onTime7: rate(past.filter((r) => r.dueAt >= new Date(now.getTime() - 7 * DAY))),
      onTime30: rate(past),
      due30: past.length,
      overdue: overdue.length,
      worstLateSeconds: overdue.length ? Math.round(Math.max(...overdue.map((r) => now.getTime() - r.dueAt.getTime())) / 1000) : null,
    });
  }
  const collator = new Intl.Collator("vi");
  return out.sort((a, b) => a.position - b.position || collator.compare(a.agency.vi, b.agency.vi)).map(({ position: _p, ...row }) => row);
}

export type InstanceRow = {
  id: string;
  key: string;
  dueAt: Date;
  status: string;
  fulfilledAt: Date | null;
  lateSeconds: number | null;
  role: string;
  source: string;
  rule: unknown;
  agency: Localized;
  section: Localized;
  sectionSlug: string;
};

export type InstanceFilter = { agencyIds?: string[]; sectionId?: string; status?: string[]; from?: Date; to?: Date; take?: number; now?: Date };

/** The instances behind a row of the dashboard, or an agency's list: newest due first. */
export async function listInstances({ tx, tenantId, ...filter }: { tx: Tx; tenantId: string } & InstanceFilter): Promise<InstanceRow[]> {
  const now = filter.now ?? new Date();
  const rows = await tx.dueInstance.findMany({
    where: {
      tenantId,
      ...(filter.agencyIds ? { agencyId: { in: filter.agencyIds } } : {}),
      ...(filter.sectionId ? { sectionId: filter.sectionId } : {}),
      ...(filter.status ? { status: { in: filter.status } } : {}),
      ...(filter.from || filter.to ? { dueAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
    },
    orderBy: [{ dueAt: "desc" }, { key: "desc" }],
    take: filter.take ?? 200,
    include: { agency: { select: { names: true } }, section: { select: { names: true, slug: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    dueAt: r.dueAt,
    status: r.status,
    fulfilledAt: r.fulfilledAt,
    // Overdue ones are late by now: how late, as of this reading.
    lateSeconds: r.status === "overdue" ? Math.round((now.getTime() - r.dueAt.getTime()) / 1000) : r.lateSeconds,
    role: r.role,
    source: r.source,
    rule: r.rule,
    agency: asLocalized(r.agency.names),
    section: asLocalized(r.section.names),
    sectionSlug: r.section.slug,
  }));
}

/** An editor's home: what their agencies owe today (in the province's time zone) and what is overdue. */
export async function agencyDueToday({ tx, tenantId, agencyIds, now = new Date() }: { tx: Tx; tenantId: string; agencyIds: string[]; now?: Date }): Promise<{ today: InstanceRow[]; overdue: InstanceRow[] }> {
  if (agencyIds.length === 0) return { today: [], overdue: [] };
  const { timeZone } = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timeZone: true } });
  const day = localDateOf(now, timeZone);
  // One after the other: a transaction answers one query at a time.
  const today = await listInstances({ tx, tenantId, agencyIds, from: startOfLocalDay(day, timeZone), to: endOfLocalDay(day, timeZone), now });
  const overdue = await listInstances({ tx, tenantId, agencyIds, status: ["overdue"], now });
  return { today: today.reverse(), overdue };
}
