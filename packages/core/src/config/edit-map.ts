// The map form as an edit of the pack (issue 10, docs/decisions/0013): the series the choropleth opens
// on, the bounds the map opens on, and the basemap: none (the province's outlines on a plain background,
// which works offline), a MapLibre style URL (with a Mapbox public token, drawn by mapbox-gl; with the
// credit its data asks for), or a raster tile template with its attribution. The boundaries file and an
// opening centre/zoom are kept as the pack file has them: the outlines come with their licence from a
// file only (0013 §2).
import type { TenantPack } from "@cong/config";
import { compact, localizedInput, num, optionalLocalizedInput, optStr, record, str, type FormInput } from "./form-input.ts";
import type { PackEdit } from "./save-tenant-config.ts";

export const BASEMAPS = ["none", "style", "tiles"] as const;

/** Which basemap a pack's map block uses, as the form's select names it. */
export function basemapOf(map: TenantPack["map"]): (typeof BASEMAPS)[number] {
  return map?.tiles ? "tiles" : map?.style ? "style" : "none";
}

export function editMap(current: TenantPack, input: FormInput): PackEdit {
  const offered = current.locales.offered;
  const old = current.map;
  const basemap = str(input.basemap);
  const tiles = record(input.tiles);
  // Four boxes: all empty is no bounds; otherwise each must be a number (the schema names the one that is not).
  const posted = Array.isArray(input.bounds) ? input.bounds : [];
  const bounds = [0, 1, 2, 3].every((i) => str(posted[i]) === "") ? undefined : [0, 1, 2, 3].map((i) => num(posted[i]) ?? null);
  const map = compact({
    style: basemap === "style" ? str(input.style) : undefined,
    tiles:
      basemap === "tiles"
        ? compact({ url: str(tiles.url), attribution: localizedInput(tiles.attribution, offered, old?.tiles?.attribution), tileSize: num(tiles.tileSize), maxZoom: num(tiles.maxZoom) })
        : undefined,
    attribution: basemap === "style" ? optionalLocalizedInput(input.attribution, offered, old?.attribution) : undefined,
    accessToken: basemap === "style" ? optStr(input.accessToken) : undefined,
    center: old?.center,
    zoom: old?.zoom,
    bounds,
    boundaries: old?.boundaries,
    figure: optStr(input.figure),
  });
  const { map: _previous, ...rest } = current;
  void _previous;
  // Nothing set and nothing before: the pack keeps having no map block.
  const pack = Object.keys(map).length === 0 && !old ? rest : { ...rest, map };
  // Each bound is its own field (see editFigureChart): a problem at bounds[1] lands on the south box.
  return { pack, posted: { ...input, bounds: [0, 1, 2, 3].map((i) => [str(posted[i])]) }, fields: [["map", ""]] };
}
