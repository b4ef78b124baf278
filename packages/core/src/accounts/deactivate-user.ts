// Account handover (3691/QĐ-UBND Điều 6.5): when someone is reassigned, their account is deactivated,
// their assignments (agencies and roles) pass to a colleague, and every open session ends at once; all
// in one transaction, so there is never a moment with the duties unowned or the old session alive.
import type { Tx } from "@cong/db";
import { z } from "zod";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import { invalid, parseWith, type Checked, type Lang } from "../validation.ts";

const handoverSchema = z.object({
  transferTo: z.union([z.literal("").transform(() => null), z.uuid("errors.userNotFound")]).nullable().default(null),
});

export type DeactivateUserOptions = { tx: Tx; tenantId: string; userId: string; input: { transferTo?: unknown }; actor: AuditActor; lang?: Lang; now?: Date };
export type Handover = { deactivated: string; transferredTo: string | null; agencies: number; sessionsEnded: number };

export async function deactivateUser({ tx, tenantId, userId, input, actor, lang, now = new Date() }: DeactivateUserOptions): Promise<Checked<Handover>> {
  const parsed = parseWith(handoverSchema, input, lang);
  if (!parsed.ok) return parsed;
  const transferTo = parsed.value.transferTo;
  if (userId === actor.id) return invalid("form", "errors.cannotDeactivateSelf");
  if (transferTo === userId) return invalid("transferTo", "errors.transferToSelf");
  const user = await tx.user.findFirst({ where: { id: userId, tenantId }, include: { agencies: true } });
  if (!user) return invalid("form", "errors.userNotFound");
  if (!user.active) return invalid("form", "errors.alreadyInactive");
  let agencies = 0;
  if (transferTo) {
    const target = await tx.user.findFirst({ where: { id: transferTo, tenantId, active: true }, include: { agencies: true } });
    if (!target) return invalid("transferTo", "errors.userNotFound");
    const missing = user.agencies.filter((m) => !target.agencies.some((t) => t.agencyId === m.agencyId));
    if (missing.length > 0) await tx.userAgency.createMany({ data: missing.map((m) => ({ userId: transferTo, agencyId: m.agencyId, tenantId })) });
    const roles = [...new Set([...target.roles, ...user.roles])];
    await tx.user.update({ where: { id: transferTo }, data: { roles, updatedAt: now }, select: { id: true } });
    agencies = missing.length;
    await recordAudit(tx, {
      tenantId, actor, action: "user.handover-received", subject: "User", subjectId: transferTo,
      before: { roles: target.roles }, after: { roles, agenciesAdded: missing.length, from: user.email },
    });
  }
  await tx.user.update({ where: { id: userId }, data: { active: false, deactivatedAt: now, updatedAt: now }, select: { id: true } });
  const ended = await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  await tx.authToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  await recordAudit(tx, {
    tenantId, actor, action: "user.deactivate", subject: "User", subjectId: userId,
    before: { active: true }, after: { active: false, transferredTo: transferTo, sessionsEnded: ended.count },
  });
  return { ok: true, value: { deactivated: userId, transferredTo: transferTo, agencies, sessionsEnded: ended.count } };
}

/** Gives a deactivated account back its access (its old sessions stay ended). */
export async function reactivateUser({ tx, tenantId, userId, actor }: { tx: Tx; tenantId: string; userId: string; actor: AuditActor }): Promise<Checked<{ id: string }>> {
  const updated = await tx.user.updateMany({ where: { id: userId, tenantId, active: false }, data: { active: true, deactivatedAt: null, updatedAt: new Date() } });
  if (updated.count !== 1) return invalid("form", "errors.userNotFound");
  await recordAudit(tx, { tenantId, actor, action: "user.reactivate", subject: "User", subjectId: userId, before: { active: false }, after: { active: true } });
  return { ok: true, value: { id: userId } };
}
