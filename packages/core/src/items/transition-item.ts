// The publishing workflow: draft -> submitted -> published -> withdrawn, with scheduling. Who may take
// each step comes from the matrix (CASL): an agency publishes its own section directly unless the
// tenant asks for the editorial board's review there. Every publish records an update event for the
// deadline engine: (tenant, section, agency, time).
import { subject, type AppAbility } from "@cong/authz";
import { calendarDateTimeSchema } from "@cong/config";
import type { Tx } from "@cong/db";
import { z } from "zod";
import type { AuditActor } from "../audit/record-audit.ts";
import { invalid, parseWith, type Checked, type Lang } from "../validation.ts";
import { eventAnsweredBy } from "../deadlines/document-events.ts";
import { recordItemChange, type ItemAction } from "./item-history.ts";
import { snapshotOf } from "./item-snapshot.ts";

export const TRANSITIONS = ["submit", "publish", "schedule", "unschedule", "withdraw", "return"] as const;
export type Transition = (typeof TRANSITIONS)[number];

/** From which states each step may be taken, and which CASL action it needs. */
const RULES: Record<Transition, { from: string[]; to: string; needs: "submit" | "publish" | "withdraw" }> = {
  submit: { from: ["draft", "withdrawn"], to: "submitted", needs: "submit" },
  publish: { from: ["draft", "submitted", "scheduled", "withdrawn"], to: "published", needs: "publish" },
  schedule: { from: ["draft", "submitted", "withdrawn"], to: "scheduled", needs: "publish" },
  unschedule: { from: ["scheduled"], to: "draft", needs: "publish" },
  withdraw: { from: ["published", "scheduled"], to: "withdrawn", needs: "withdraw" },
  return: { from: ["submitted"], to: "draft", needs: "publish" },
};

const transitionSchema = z.object({
  action: z.enum(TRANSITIONS, "errors.invalidValue"),
  publishAt: z.union([z.literal(""), calendarDateTimeSchema("errors.dateInvalid")]).optional(),
  note: z.string().trim().max(1000, "errors.tooLong").optional(),
});

export type TransitionOptions = {
  tx: Tx;
  tenantId: string;
  ability: AppAbility;
  actor: AuditActor;
  itemId: string;
  input: unknown;
  /** The tenant's UTC offset for a publishAt given without one (the form's datetime-local). */
  utcOffset?: string;
  lang?: Lang;
  now?: Date;
};

export type TransitionResult = Checked<{ id: string; status: string; publishAt?: Date }> | { ok: false; forbidden: true };

export function allowedTransitions(ability: AppAbility, item: { status: string } & Record<string, unknown>): Transition[] {
  return TRANSITIONS.filter((t) => RULES[t].from.includes(item.status) && ability.can(RULES[t].needs, subject("Item", { ...item })));
}

export async function transitionItem(o: TransitionOptions): Promise<TransitionResult> {
  const parsed = parseWith(transitionSchema, o.input, o.lang);
  if (!parsed.ok) return parsed;
  const { action, note } = parsed.value;
  const now = o.now ?? new Date();
  let publishAt: Date | null = null;
  if (action === "schedule") {
    const raw = parsed.value.publishAt;
    if (!raw) return invalid("publishAt", "errors.required");
    publishAt = new Date(/[zZ]|[+-]\d{2}:\d{2}$/.test(raw) ? raw : `${raw}${o.utcOffset ?? "+07:00"}`);
    if (publishAt <= now) return invalid("publishAt", "errors.publishAtPast");
  }
  const item = await o.tx.item.findFirst({ where: { id: o.itemId, tenantId: o.tenantId }, include: { translations: true } });
  if (!item) return invalid("form", "errors.itemNotFound");
  const rule = RULES[action];
  if (!o.ability.can(rule.needs, subject("Item", { ...item }))) return { ok: false, forbidden: true } as const;
  if (!rule.from.includes(item.status)) return invalid("form", "errors.transitionNotAllowed");
  const before = snapshotOf(item, item.translations);
  const data: Record<string, unknown> = { status: rule.to, updatedAt: now, updatedBy: o.actor.id };
  if (action === "schedule") data.publishAt = publishAt;
  if (action === "unschedule" || action === "publish") data.publishAt = null;
  if (action === "withdraw") data.withdrawnAt = now;
  if (action === "publish") {
    data.publishedAt = now;
    data.withdrawnAt = null;
  }
  // Conditional on the state read above, so two reviewers clicking at once publish it once.
  const moved = await o.tx.item.updateMany({ where: { id: item.id, status: item.status }, data });
  if (moved.count !== 1) return invalid("form", "errors.transitionNotAllowed");
  if (action === "publish") await recordPublish(o.tx, item, now);
  await recordItemChange(o.tx, { tenantId: o.tenantId, itemId: item.id, action: action as ItemAction, actor: o.actor, before, note: note || null });
  return { ok: true, value: { id: item.id, status: rule.to, ...(publishAt ? { publishAt } : {}) } };
}

/** The update event a publish is: the deadline engine counts it for the item's section and agency. */
export async function recordPublish(tx: Tx, item: { id: string; tenantId: string; sectionId: string; agencyId: string | null }, at: Date): Promise<void> {
  const eventId = await eventAnsweredBy(tx, item.id);
  await tx.updateEvent.create({ data: { tenantId: item.tenantId, sectionId: item.sectionId, agencyId: item.agencyId, itemId: item.id, eventId, kind: "publish", at }, select: { id: true } });
}
