// Creates an account: a province's user (roles, agencies) or, with tenantId null, a platform operator.
// With a password the account can sign in at once (CLI, demo); without one it waits for its invitation.
import type { Tx } from "@cong/db";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import type { Scope } from "../scope.ts";
import { parseWith, parseWithAsync, type Checked, type FieldErrors, type Lang } from "../validation.ts";
import { hashPassword, passwordSchema } from "./password.ts";
import { operatorInputSchema, userInputSchema } from "./user-input.ts";

export type CreateUserOptions = {
  tx: Tx;
  tenantId: Scope;
  input: { email: unknown; name: unknown; roles?: unknown; agencies?: unknown; unit?: unknown };
  password?: string;
  actor: AuditActor;
  lang?: Lang;
};
export type CreatedUser = { id: string; email: string; name: string; roles: string[]; agencies: string[] };

export async function createUser({ tx, tenantId, input, password, actor, lang }: CreateUserOptions): Promise<Checked<CreatedUser>> {
  const parsed =
    tenantId === null
      ? parseWith(operatorInputSchema.transform((u) => ({ ...u, roles: ["operator"], agencies: [] as string[] })), input, lang)
      : parseWith(userInputSchema, input, lang);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (password !== undefined) {
    const context = parsed.ok ? { email: parsed.value.email, name: parsed.value.name } : {};
    const pw = await parseWithAsync(passwordSchema(context), password, lang);
    if (!pw.ok) errors.password = pw.errors.form ?? [];
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  const user = parsed.value;
  const passwordHash = password === undefined ? null : await hashPassword(password);

  // Every problem at once: unknown agencies and a taken address are reported together.
  const agencyIds = await agencyIdsByKey(tx, tenantId, user.agencies);
  const taken = await tx.user.findFirst({ where: { tenantId, email: user.email }, select: { id: true } });
  // An operator's input has no unit; a province's user's may.
  const wanted = "unit" in user && typeof user.unit === "string" ? user.unit : null;
  const unit = tenantId !== null && agencyIds.ok ? await memberUnit(tx, tenantId, agencyIds.value, wanted) : ({ ok: true, value: null } as const);
  if (!agencyIds.ok || taken || !unit.ok)
    return { ok: false, errors: { ...(agencyIds.ok ? {} : agencyIds.errors), ...(taken ? { email: ["errors.emailTaken"] } : {}), ...(unit.ok ? {} : unit.errors) } };
  const created = await tx.user.create({
    data: { tenantId, email: user.email, name: user.name, roles: user.roles, passwordHash },
    select: { id: true },
  });
  if (tenantId !== null && agencyIds.value.length > 0)
    await tx.userAgency.createMany({ data: await memberships(tx, tenantId, created.id, agencyIds.value, unit.value) });
  const value = { id: created.id, email: user.email, name: user.name, roles: user.roles, agencies: user.agencies };
  await recordAudit(tx, { tenantId, actor, action: "user.create", subject: "User", subjectId: created.id, after: value });
  return { ok: true, value };
}

/** The ids of the agencies with these keys in the tenant, or the field error naming the unknown ones. */
export async function agencyIdsByKey(tx: Tx, tenantId: Scope, keys: string[]): Promise<Checked<string[]>> {
  if (keys.length === 0) return { ok: true, value: [] };
  if (tenantId === null) return { ok: false, errors: { agencies: ["errors.agencyUnknown"] } };
  const rows = await tx.agency.findMany({ where: { tenantId, key: { in: keys } }, select: { id: true, key: true } });
  const unknown = keys.filter((k) => !rows.some((r) => r.key === k));
  if (unknown.length > 0) return { ok: false, errors: { agencies: unknown.map(() => "errors.agencyUnknown") } };
  return { ok: true, value: keys.map((k) => rows.find((r) => r.key === k)!.id) };
}

/**
 * The unit a member of collective agencies acts for: a unit of the province, of the level of each
 * collective agency chosen; refused naming the "unit" field otherwise.
 */
export async function memberUnit(tx: Tx, tenantId: string, agencyIds: string[], unit: string | null): Promise<Checked<string | null>> {
  if (unit === null) return { ok: true, value: null };
  const row = await tx.adminUnit.findFirst({ where: { tenantId, code: unit }, select: { levelKey: true } });
  if (!row) return { ok: false, errors: { unit: ["errors.unitUnknown"] } };
  const collective = await tx.agency.findMany({ where: { tenantId, id: { in: agencyIds }, scopeLevel: { not: null } }, select: { scopeLevel: true } });
  if (collective.length === 0) return { ok: false, errors: { unit: ["errors.unitNeedsCollectiveAgency"] } };
  if (collective.some((a) => a.scopeLevel !== row.levelKey)) return { ok: false, errors: { unit: ["errors.unitLevelMismatch"] } };
  return { ok: true, value: unit };
}

/** The membership rows: the unit goes on the memberships of collective agencies only. */
export async function memberships(tx: Tx, tenantId: string, userId: string, agencyIds: string[], unit: string | null) {
  const collective = new Set(unit ? (await tx.agency.findMany({ where: { tenantId, id: { in: agencyIds }, scopeLevel: { not: null } }, select: { id: true } })).map((a) => a.id) : []);
  return agencyIds.map((agencyId) => ({ userId, agencyId, tenantId, unitCode: collective.has(agencyId) ? unit : null }));
}
