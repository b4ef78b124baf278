// "How was this deadline computed?": for a due instance, the rule, where counting started, which days
// were skipped and why (weekends, Tết, the province's own days off), and the result.
import type { DeadlineRule } from "@cong/config";
import type { Tx } from "@cong/db";
import { isUuid } from "@cong/db";
import { explainDeadline, type DeadlineExplanation } from "@cong/schedule";
import { asLocalized } from "../json.ts";
import type { Localized } from "@cong/config";
import { loadCalendar } from "./tenant-calendar.ts";

export type InstanceExplanation = {
  id: string;
  status: string;
  dueAt: Date;
  fulfilledAt: Date | null;
  lateSeconds: number | null;
  role: string;
  source: string;
  agency: Localized;
  section: Localized;
  sectionSlug: string;
  agencyId: string;
  explanation: DeadlineExplanation;
};

export async function explainInstance({ tx, tenantId, id }: { tx: Tx; tenantId: string; id: string }): Promise<InstanceExplanation | null> {
  if (!isUuid(id)) return null;
  const row = await tx.dueInstance.findFirst({ where: { id, tenantId }, include: { agency: { select: { names: true } }, section: { select: { names: true, slug: true } } } });
  if (!row) return null;
  const calendar = await loadCalendar(tx, tenantId);
  const instance = { key: row.key, dueAt: row.dueAt, opensAt: row.opensAt, required: row.required, ...(row.closesAt ? { closesAt: row.closesAt } : {}), ...(row.eventId ? { eventId: row.eventId } : {}) };
  return {
    id: row.id,
    status: row.status,
    dueAt: row.dueAt,
    fulfilledAt: row.fulfilledAt,
    lateSeconds: row.lateSeconds,
    role: row.role,
    source: row.source,
    agency: asLocalized(row.agency.names),
    section: asLocalized(row.section.names),
    sectionSlug: row.section.slug,
    agencyId: row.agencyId,
    explanation: explainDeadline(row.rule as unknown as DeadlineRule, instance, calendar),
  };
}
