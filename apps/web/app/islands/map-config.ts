// What the server hands the map island (in the container's data-config attribute) and what the places
// API answers: one type for both sides, no code.
export type MapIslandConfig = {
  locale: string;
  style: string | null;
  /** A Mapbox public token from the pack: the map is drawn by mapbox-gl (same calls) instead of maplibre-gl. */
  accessToken: string | null;
  tiles: { url: string; attribution: string; tileSize: number; maxZoom: number } | null;
  attribution: string | null;
  boundariesAttribution: string | null;
  bounds: number[] | null;
  center: number[] | null;
  zoom: number | null;
  /** The renderer's stylesheet (fingerprinted URL), linked by the island before the map is made. */
  stylesheet: string;
  boundariesUrl: string;
  placesUrl: string;
  seriesName: string;
  units: { code: string; value: number | null; cls: number }[];
  classes: { color: string }[];
  noDataColor: string;
  kindNames: Record<string, string>;
  /** Each kind of place's colour, as the server's first render (the SVG picture) drew it. */
  kindColors: Record<string, string>;
  labels: Record<"canvas" | "places" | "noData" | "kind" | "status" | "capacity" | "address" | "unit" | "phone" | "name", string>;
};

export type PlaceFeature = {
  type: "Feature";
  geometry: { type: string; coordinates: unknown };
  properties: {
    id: string;
    kind: string;
    name: string;
    status?: string | null;
    capacity?: number | null;
    occupancy?: number | null;
    address?: string | null;
    unitCode?: string | null;
    unitName?: string | null;
    agency?: string | null;
    phone?: string | null;
    updatedAt?: string | null;
  };
};
