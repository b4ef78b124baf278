// A pack's map (issue 10, docs/decisions/0013): what the map pages draw under the province's boundaries
// and figures. Nothing here is required: without a basemap the map is a plain background with the
// boundaries, which works offline; a province without a boundaries file still gets its places and the
// table of figures.
import { z } from "zod";
import { localizedSchema } from "./pack-basics.ts";

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

const httpsUrl = z.url({ protocol: /^https?$/, message: "must be an http(s) URL" });

/** A raster tile source: an {z}/{x}/{y} URL template and the attribution its licence asks for. */
const tilesSchema = z
  .object({
    url: z
      .string()
      .regex(/^https?:\/\/[^\s]+$/, "must be an http(s) URL")
      .refine((u) => ["{z}", "{x}", "{y}"].every((p) => u.includes(p)), "must contain {z}, {x} and {y}"),
    attribution: localizedSchema.describe("the credit the tiles' licence asks for, shown on the map"),
    tileSize: z.union([z.literal(256), z.literal(512)]).default(256),
    maxZoom: z.number().int().min(0).max(24).default(18),
  })
  .strict();

export const mapSchema = z
  .object({
    style: httpsUrl.optional().describe("a MapLibre (or, with accessToken, Mapbox) style JSON URL"),
    tiles: tilesSchema.optional().describe("a raster basemap, instead of a style"),
    attribution: localizedSchema.optional().describe("the credit for the style's data, shown on the map"),
    accessToken: z
      .string()
      .regex(/^pk\.[\w.-]+$/, "must be a public Mapbox token (pk.…)")
      .optional()
      .describe("a Mapbox public token: the map is then drawn by mapbox-gl 1.13 (BSD), with the style given (docs/decisions/0013)"),
    center: lonLat.optional().describe("[longitude, latitude] the map opens on; default: the boundaries' extent"),
    zoom: z.number().min(0).max(22).optional(),
    bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional().describe("[west, south, east, north] the map opens on"),
    boundaries: z
      .object({
        file: z.string().regex(/^[\w.-]+\.geojson$/, "must be a .geojson file beside the pack"),
        source: z.string().min(1),
        licence: z.string().min(1),
      })
      .strict()
      .optional()
      .describe("district and province outlines (GeoJSON, WGS84), keyed by GSO code"),
    figure: z.string().optional().describe("the series the choropleth opens on (a key of figures:); default: the first with a level"),
  })
  .strict()
  .superRefine((map, ctx) => {
    if (map.style && map.tiles) ctx.addIssue({ code: "custom", path: ["tiles"], message: "give a style or tiles, not both" });
    if (map.accessToken && !map.style) ctx.addIssue({ code: "custom", path: ["accessToken"], message: "a Mapbox token goes with a style URL" });
    if (map.bounds && (map.bounds[0] >= map.bounds[2] || map.bounds[1] >= map.bounds[3])) ctx.addIssue({ code: "custom", path: ["bounds"], message: "must be [west, south, east, north] with west < east and south < north" });
  });

export type MapConfig = z.infer<typeof mapSchema>;
