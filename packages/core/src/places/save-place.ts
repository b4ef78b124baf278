// An agency's editor creates or edits a place (issue 10): checked by the same rules as an import
// (place-input.ts); a kind their agency does not keep, or a unit it does not answer for — the place's
// unit before the edit or after it — is a 403 and nothing is written. A changed status (open or closed,
// capacity, occupancy, note) appends a history row (who, when); every write is an update of the kind's
// section for the deadline engine, at that moment.
import type { AppAbility } from "@cong/authz";
import type { Prisma, Tx } from "@cong/db";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import { recordDataEntry } from "../deadlines/record-data-entry.ts";
import type { EntryScope } from "../units/answered-units.ts";
import type { FieldErrors } from "../validation.ts";
import { checkPlace, type CheckedPlace, type PlaceInput } from "./place-input.ts";
import { isPlaceKind, loadPlaceRules, type PlaceRules } from "./place-kinds.ts";

export type SavePlaceResult = { ok: true; value: { id: string; created: boolean; statusChanged: boolean } } | { ok: false; errors: FieldErrors } | { ok: false; forbidden: true } | { ok: false; notFound: true };

// No area: SQL NULL (as the pack writer stores an absent JSON value).
const NO_AREA = null as unknown as Prisma.NullableJsonNullValueInput;

type Existing = { id: string; kindId: string; unitCode: string | null; status: string; capacity: number | null; occupancy: number | null; note: string | null };

export async function savePlace(o: { tx: Tx; tenantId: string; ability: AppAbility; actor: AuditActor; who: EntryScope; id?: string; input: PlaceInput; now?: Date }): Promise<SavePlaceResult> {
  const { tx, tenantId } = o;
  const now = o.now ?? new Date();
  const rules = await loadPlaceRules({ tx, tenantId, ability: o.ability, who: o.who });
  let existing: Existing | null = null;
  if (o.id !== undefined) {
    existing = /^[0-9a-f-]{36}$/i.test(o.id) ? await tx.place.findFirst({ where: { tenantId, id: o.id }, select: { id: true, kindId: true, unitCode: true, status: true, capacity: true, occupancy: true, note: true } }) : null;
    if (!existing) return { ok: false, notFound: true };
    // The place as it stands must be theirs too: nobody moves another district's place into their own.
    if (!mayWriteExisting(rules, existing)) return { ok: false, forbidden: true };
  }
  const checked = checkPlace(rules, o.input);
  if (!checked.ok) return checked.forbidden ? { ok: false, forbidden: true } : { ok: false, errors: checked.errors as FieldErrors };
  if (checked.value.ref !== null) {
    const same = await tx.place.findFirst({ where: { tenantId, ref: checked.value.ref, ...(existing ? { NOT: { id: existing.id } } : {}) }, select: { id: true } });
    if (same) return { ok: false, errors: { ref: ["errors.placeRefTaken"] } };
  }
  const saved = await writePlace({ tx, tenantId, actor: o.actor, now, place: checked.value, existing });
  await recordDataEntry({ tx, tenantId, at: now, updates: [{ agencyId: checked.value.agencyId, sectionId: checked.value.kind.sectionId }] });
  await recordAudit(tx, {
    tenantId,
    actor: o.actor,
    action: existing ? "place.update" : "place.create",
    subject: "Place",
    subjectId: saved.id,
    after: { kind: checked.value.kind.kind, name: checked.value.names.vi, unit: checked.value.unitCode, ...checked.value.state },
  });
  return { ok: true, value: saved };
}

export function mayWriteExisting(rules: PlaceRules, existing: Pick<Existing, "kindId" | "unitCode">): boolean {
  const kind = [...rules.kinds.values()].find((k) => k.id === existing.kindId);
  return !!kind && isPlaceKind(kind.kind) && rules.canKeep(kind) && rules.mayWriteIn(kind, existing.unitCode);
}

const sameState = (a: Pick<Existing, "status" | "capacity" | "occupancy" | "note">, b: CheckedPlace["state"]) =>
  a.status === b.status && a.capacity === b.capacity && a.occupancy === b.occupancy && a.note === b.note;

/** Writes one checked place (new, or over `existing`) and, when its status changed, a history row. */
export async function writePlace(o: { tx: Tx; tenantId: string; actor: AuditActor; now: Date; place: CheckedPlace; existing: Existing | null }): Promise<{ id: string; created: boolean; statusChanged: boolean }> {
  const { tx, tenantId, actor, now, place, existing } = o;
  const statusChanged = !existing || !sameState(existing, place.state);
  const fields = {
    kindId: place.kind.id,
    ref: place.ref,
    names: place.names,
    sortName: place.sortName,
    agencyId: place.agencyId,
    address: place.address,
    unitCode: place.unitCode,
    lon: place.lon,
    lat: place.lat,
    area: place.area ? (place.area as unknown as Prisma.InputJsonValue) : NO_AREA,
    phone: place.phone,
    ...place.state,
    updatedAt: now,
    updatedBy: actor.id,
    demo: false,
    ...(statusChanged ? { statusAt: now } : {}),
  };
  let id: string;
  if (existing) {
    id = existing.id;
    await tx.place.update({ where: { id }, data: { ...fields, version: { increment: 1 } }, select: { id: true } });
  } else id = (await tx.place.create({ data: { tenantId, ...fields }, select: { id: true } })).id;
  if (statusChanged) await tx.placeStatus.create({ data: { tenantId, placeId: id, at: now, ...place.state, actorId: actor.id, actorEmail: actor.email } });
  return { id, created: !existing, statusChanged };
}
