// Places as lists (issue 10): the staff's registry and the citizen's, and the GeoJSON built from the same
// rows. Filters: kind, admin unit (the unit and every unit under it) and status; in name order, paged by
// a (folded name, id) cursor that the (tenant, kind|unit|status, sort_name, id) indexes answer. The
// public list shows enabled kinds in enabled sections only: a facilities section its own kinds, a map
// section every kind (the accessible list beside the map).
import { PLACE_KINDS, PLACE_STATUSES, type Localized, type PlaceKind, type PlaceStatus } from "@cong/config";
import type { Prisma, Tx } from "@cong/db";
import { z } from "zod";
import { asLocalized } from "../json.ts";
import { loadUnits, underAny } from "../units/answered-units.ts";
import { parseWith, type Checked, type Lang } from "../validation.ts";
import { asArea, type Area } from "./geometry.ts";
import { listPlaceKinds, type PlaceKindInfo } from "./place-kinds.ts";

export const PLACE_PAGE = 50;
export const MAX_PLACE_PAGE = 5_000;

const cursor = {
  encode: (sortName: string, id: string) => Buffer.from(JSON.stringify([sortName, id])).toString("base64url"),
  decode(text: string): [string, string] | null {
    try {
      const v = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown;
      return Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && typeof v[1] === "string" && /^[0-9a-f-]{36}$/.test(v[1]) ? [v[0], v[1]] : null;
    } catch {
      return null;
    }
  },
};

const blankToUndefined = (v: unknown) => (v === null || v === "" ? undefined : v);
/** The filters as a query string gives them (the staff's list, the public page, the API). */
export const placeFilterSchema = z.object({
  kind: z.preprocess(blankToUndefined, z.enum(PLACE_KINDS, "errors.placeKindUnknown").optional()),
  unit: z.preprocess(blankToUndefined, z.string().regex(/^\d{1,10}$/, "errors.placeUnitUnknown").optional()),
  status: z.preprocess(blankToUndefined, z.enum(PLACE_STATUSES, "errors.placeStatus").optional()),
  after: z.preprocess(blankToUndefined, z.string().max(400).refine((s) => cursor.decode(s) !== null, "errors.placeCursor").optional()),
  limit: z.preprocess(blankToUndefined, z.coerce.number("errors.placeLimit").int("errors.placeLimit").min(1, "errors.placeLimit").max(MAX_PLACE_PAGE, "errors.placeLimit").optional()),
});
export type PlaceFilter = z.output<typeof placeFilterSchema>;

export function parsePlaceFilter(params: URLSearchParams, lang?: Lang): Checked<PlaceFilter> {
  return parseWith(placeFilterSchema, Object.fromEntries(["kind", "unit", "status", "after", "limit"].map((k) => [k, params.get(k)])), lang);
}

export type PlaceRow = {
  id: string;
  kind: PlaceKind;
  kindNames: Localized | null;
  ref: string | null;
  names: Localized;
  address: string | null;
  unitCode: string | null;
  unitName: string | null;
  agency: Localized | null;
  phone: string | null;
  lon: number | null;
  lat: number | null;
  area: Area | null;
  status: PlaceStatus;
  capacity: number | null;
  occupancy: number | null;
  note: string | null;
  statusAt: string;
  updatedAt: string;
  demo: boolean;
};
export type PlacePage = { places: PlaceRow[]; next: string | null; kinds: PlaceKindInfo[]; units: { code: string; name: string }[] };

/**
 * One page of places under the filter. `section`: the public list of that section (its kinds, or every
 * kind for a map section); `published`: enabled kinds in enabled sections only.
 */
export async function listPlaces(o: { tx: Tx; tenantId: string; filter: PlaceFilter; published?: boolean; section?: { id: string; kind: string } }): Promise<PlacePage> {
  const { tx, tenantId, filter } = o;
  const allKinds = await listPlaceKinds({ tx, tenantId, published: o.published });
  const kinds = o.section && o.section.kind !== "map" ? allKinds.filter((k) => k.sectionId === o.section!.id) : allKinds;
  const kindIds = kinds.filter((k) => !filter.kind || k.kind === filter.kind).map((k) => k.id);
  const { units } = await loadUnits({ tx, tenantId });
  const names = new Map(units.map((u) => [u.code, u.name]));
  const where: Prisma.PlaceWhereInput = { tenantId, kindId: { in: kindIds } };
  if (filter.unit) where.unitCode = { in: [...underAny(units, new Set([filter.unit]))] };
  if (filter.status) where.status = filter.status;
  const after = filter.after ? cursor.decode(filter.after) : null;
  if (after) where.OR = [{ sortName: { gt: after[0] } }, { sortName: after[0], id: { gt: after[1] } }];
  const limit = filter.limit ?? PLACE_PAGE;
  const rows = kindIds.length === 0 ? [] : await tx.place.findMany({ where, orderBy: [{ sortName: "asc" }, { id: "asc" }], take: limit + 1, include: { agency: { select: { names: true } } } });
  const byId = new Map(kinds.map((k) => [k.id, k]));
  const places = rows.slice(0, limit).map((r) => {
    const kind = byId.get(r.kindId)!;
    return toRow(r, kind.kind, kind.names, r.unitCode ? (names.get(r.unitCode) ?? null) : null);
  });
  const last = rows.length > limit ? rows[limit - 1]! : null;
  // The units a visitor can filter by: those holding places of these kinds, and the units above them.
  const held = await tx.place.findMany({ where: { tenantId, kindId: { in: kinds.map((k) => k.id) }, unitCode: { not: null } }, distinct: ["unitCode"], select: { unitCode: true } });
  const parent = new Map(units.map((u) => [u.code, u.parentCode]));
  const offered = new Set<string>();
  for (const h of held) for (let at: string | null | undefined = h.unitCode, hops = 0; at && names.has(at) && hops < 10; at = parent.get(at), hops++) offered.add(at);
  return {
    places,
    next: last ? cursor.encode(last.sortName, last.id) : null,
    kinds,
    units: [...offered].map((code) => ({ code, name: names.get(code)! })).sort((a, b) => a.name.localeCompare(b.name, "vi")),
  };
}

type StoredPlace = Prisma.PlaceGetPayload<{ include: { agency: { select: { names: true } } } }>;

/** A stored place as the lists, the form and the GeoJSON read it. */
function toRow(r: StoredPlace, kind: PlaceKind, kindNames: Localized | null, unitName: string | null): PlaceRow {
  return {
    id: r.id,
    kind,
    kindNames,
    ref: r.ref,
    names: asLocalized(r.names),
    address: r.address,
    unitCode: r.unitCode,
    unitName,
    agency: r.agency ? asLocalized(r.agency.names) : null,
    phone: r.phone,
    lon: r.lon,
    lat: r.lat,
    area: asArea(r.area),
    status: r.status === "closed" ? "closed" : "open",
    capacity: r.capacity,
    occupancy: r.occupancy,
    note: r.note,
    statusAt: r.statusAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    demo: r.demo,
  };
}

export type PlaceDetail = PlaceRow & { kindId: string; history: { at: string; status: PlaceStatus; capacity: number | null; occupancy: number | null; note: string | null; actorEmail: string | null }[] };

/** One place with its status history (newest first), or null. */
export async function getPlace({ tx, tenantId, id }: { tx: Tx; tenantId: string; id: string }): Promise<PlaceDetail | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const r = await tx.place.findFirst({ where: { tenantId, id }, include: { agency: { select: { names: true } }, kind: true, statuses: { orderBy: { at: "desc" }, take: 200 } } });
  if (!r || !(PLACE_KINDS as readonly string[]).includes(r.kind.kind)) return null;
  const unit = r.unitCode ? await tx.adminUnit.findFirst({ where: { tenantId, code: r.unitCode }, select: { name: true } }) : null;
  return {
    ...toRow(r, r.kind.kind as PlaceKind, r.kind.names ? asLocalized(r.kind.names) : null, unit?.name ?? null),
    kindId: r.kindId,
    history: r.statuses.map((s) => ({ at: s.at.toISOString(), status: s.status === "closed" ? "closed" : "open", capacity: s.capacity, occupancy: s.occupancy, note: s.note, actorEmail: s.actorEmail })),
  };
}
