// The kinds of place a province keeps (issue 10), as its pack defines them, and who may write which
// places: CASL says whether an editor keeps a kind at all (their agency is among its keepers); the
// units are data, decided here as for figures — an agency tied to a unit keeps that unit's places and
// its sub-units', a collective agency's member those of the unit they act for, a provincial agency and
// the province's admins every place.
import { subject, type AppAbility } from "@cong/authz";
import { PLACE_KINDS, type Localized, type PlaceKind } from "@cong/config";
import type { Tx } from "@cong/db";
import { asOptionalLocalized } from "../json.ts";
import { answeredUnits, loadUnits, type EntryScope, type Units } from "../units/answered-units.ts";

export type PlaceKindInfo = {
  id: string;
  kind: PlaceKind;
  /** The province's own name for the kind; null: the interface's (places.kinds.<kind>). */
  names: Localized | null;
  sectionId: string;
  sectionSlug: string;
  agencyIds: string[];
};

export const isPlaceKind = (value: unknown): value is PlaceKind => typeof value === "string" && (PLACE_KINDS as readonly string[]).includes(value);

/** The enabled kinds (in enabled sections only, with published: true), in the pack's order. */
export async function listPlaceKinds({ tx, tenantId, published }: { tx: Tx; tenantId: string; published?: boolean }): Promise<PlaceKindInfo[]> {
  const rows = await tx.placeKind.findMany({
    where: { tenantId, enabled: true, ...(published ? { section: { enabled: true } } : {}) },
    orderBy: [{ position: "asc" }, { kind: "asc" }],
    include: { agencies: { select: { agencyId: true } }, section: { select: { slug: true } } },
  });
  return rows.filter((r) => isPlaceKind(r.kind)).map((r) => ({
    id: r.id,
    kind: r.kind as PlaceKind,
    names: asOptionalLocalized(r.names),
    sectionId: r.sectionId,
    sectionSlug: r.section.slug,
    agencyIds: r.agencies.map((a) => a.agencyId),
  }));
}

export type PlaceRules = {
  kinds: Map<PlaceKind, PlaceKindInfo>;
  units: Units;
  /** CASL: may this person keep places of the kind at all? */
  canKeep(kind: PlaceKindInfo): boolean;
  /** May this person write a place of the kind in this unit (null: the province as a whole)? */
  mayWriteIn(kind: PlaceKindInfo, unitCode: string | null): boolean;
  /** The agency a place of the kind is kept for (the first of this person's that keeps it). */
  agencyOf(kind: PlaceKindInfo): string | null;
};

export async function loadPlaceRules({ tx, tenantId, ability, who }: { tx: Tx; tenantId: string; ability: AppAbility; who: EntryScope }): Promise<PlaceRules> {
  const kinds = new Map((await listPlaceKinds({ tx, tenantId })).map((k) => [k.kind, k]));
  const units = await loadUnits({ tx, tenantId });
  const answered = new Map<string, ReturnType<typeof answeredUnits>>();
  const of = (k: PlaceKindInfo) => {
    if (!answered.has(k.id)) answered.set(k.id, answeredUnits(units, who, k.agencyIds));
    return answered.get(k.id)!;
  };
  return {
    kinds,
    units,
    canKeep: (k) => ability.can("update", subject("Place", { tenantId, kindId: k.id })),
    mayWriteIn: (k, unitCode) => {
      const { provincial, inside } = of(k);
      return provincial || (unitCode !== null && inside.has(unitCode));
    },
    agencyOf: (k) => who.agencies.find((a) => k.agencyIds.includes(a.id))?.id ?? null,
  };
}
