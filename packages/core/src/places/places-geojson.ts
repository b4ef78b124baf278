// Places as a GeoJSON FeatureCollection (RFC 7946), for the map island and anyone reading the API: a Point
// for a place with a location, its Polygon or MultiPolygon for an area (rings wound as §3.1.6 asks:
// exterior counter-clockwise, holes clockwise); a place with neither is left out here but stays in lists.
// Built from the same rows as the public list (listPlaces), so the two never disagree.
import type { Area, Position } from "./geometry.ts";
import type { PlaceRow } from "./list-places.ts";

export type PlaceFeature = {
  type: "Feature";
  id: string;
  geometry: { type: "Point"; coordinates: Position } | Area;
  properties: {
    id: string;
    kind: string;
    name: string;
    status: string;
    capacity: number | null;
    occupancy: number | null;
    address: string | null;
    unitCode: string | null;
    unitName: string | null;
    agency: string | null;
    phone: string | null;
    updatedAt: string;
    demo: boolean;
  };
};
export type PlaceCollection = { type: "FeatureCollection"; features: PlaceFeature[] };

/** Twice the signed area of a ring (positive: counter-clockwise). */
const signedArea = (ring: Position[]) => ring.reduce((sum, [x1, y1], i) => {
  const [x2, y2] = ring[(i + 1) % ring.length]!;
  return sum + (x1 * y2 - x2 * y1);
}, 0);
const wind = (rings: Position[][]) => rings.map((ring, i) => ((signedArea(ring) >= 0) === (i === 0) ? ring : [...ring].reverse()));

export function placeGeometry(p: Pick<PlaceRow, "lon" | "lat" | "area">): PlaceFeature["geometry"] | null {
  if (p.area) return p.area.type === "Polygon" ? { type: "Polygon", coordinates: wind(p.area.coordinates) } : { type: "MultiPolygon", coordinates: p.area.coordinates.map(wind) };
  if (p.lon !== null && p.lat !== null) return { type: "Point", coordinates: [p.lon, p.lat] };
  return null;
}

export function placesToGeoJson(places: PlaceRow[]): PlaceCollection {
  const features: PlaceFeature[] = [];
  for (const p of places) {
    const geometry = placeGeometry(p);
    if (!geometry) continue;
    features.push({
      type: "Feature",
      id: p.id,
      geometry,
      properties: {
        id: p.id,
        kind: p.kind,
        name: p.names.vi,
        status: p.status,
        capacity: p.capacity,
        occupancy: p.occupancy,
        address: p.address,
        unitCode: p.unitCode,
        unitName: p.unitName,
        agency: p.agency?.vi ?? null,
        phone: p.phone,
        updatedAt: p.updatedAt,
        demo: p.demo,
      },
    });
  }
  return { type: "FeatureCollection", features };
}
