// An admin changes an account's name, roles and agencies. The change applies on the user's next
// request, because every request rebuilds the user's rights from the database.
import type { Tx } from "@cong/db";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import { invalid, parseWith, type Checked, type Lang } from "../validation.ts";
import { agencyIdsByKey, memberships, memberUnit } from "./create-user.ts";
import { userInputSchema } from "./user-input.ts";

export type UpdateUserOptions = { tx: Tx; tenantId: string; userId: string; input: { name: unknown; roles: unknown; agencies: unknown; unit?: unknown }; actor: AuditActor; lang?: Lang };

export async function updateUser({ tx, tenantId, userId, input, actor, lang }: UpdateUserOptions): Promise<Checked<{ id: string }>> {
  const user = await tx.user.findFirst({ where: { id: userId, tenantId }, include: { agencies: { include: { agency: { select: { key: true } } } } } });
  if (!user) return invalid("form", "errors.userNotFound");
  const parsed = parseWith(userInputSchema, { ...input, email: user.email }, lang);
  if (!parsed.ok) return parsed;
  const ids = await agencyIdsByKey(tx, tenantId, parsed.value.agencies);
  if (!ids.ok) return ids;
  const unit = await memberUnit(tx, tenantId, ids.value, parsed.value.unit);
  if (!unit.ok) return unit;
  // An admin cannot take the admin role from themselves: someone must be left to give it back.
  if (userId === actor.id && !parsed.value.roles.includes("admin") && user.roles.includes("admin"))
    return invalid("roles", "errors.cannotDropOwnAdmin");
  const before = { name: user.name, roles: user.roles, agencies: user.agencies.map((a) => a.agency.key).sort(), unit: user.agencies.find((a) => a.unitCode)?.unitCode ?? null };
  await tx.user.update({ where: { id: userId }, data: { name: parsed.value.name, roles: parsed.value.roles, updatedAt: new Date() }, select: { id: true } });
  await tx.userAgency.deleteMany({ where: { userId } });
  if (ids.value.length > 0) await tx.userAgency.createMany({ data: await memberships(tx, tenantId, userId, ids.value, unit.value) });
  const after = { name: parsed.value.name, roles: parsed.value.roles, agencies: [...parsed.value.agencies].sort(), unit: unit.value };
  await recordAudit(tx, { tenantId, actor, action: "user.update", subject: "User", subjectId: userId, before, after });
  return { ok: true, value: { id: userId } };
}
