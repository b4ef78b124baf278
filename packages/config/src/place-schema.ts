// A pack's registries of places (issue 10): which kinds of place a province keeps, which agencies own each
// kind (create, edit, change the status of its places) and the facilities or map section that shows them.
import { z } from "zod";
import { localizedSchema, slugSchema, sourceSchema } from "./pack-basics.ts";

/**
 * The kinds of place the regulations name: quarantine sites (military-run ones apart), lockdown points
 * and areas, treatment facilities, testing and vaccination sites, checkpoints, essential-goods or service
 * points (Thanh Hóa's online supply points) and health facilities' hotlines. The interface names them;
 * a pack may rename one for its province.
 */
export const PLACE_KINDS = [
  "quarantine",
  "military-quarantine",
  "lockdown-point",
  "lockdown-area",
  "treatment",
  "testing",
  "checkpoint",
  "supply-point",
  "vaccination",
  "hotline",
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** A place is open or closed; capacity, occupancy and a note say the rest. */
export const PLACE_STATUSES = ["open", "closed"] as const;
export type PlaceStatus = (typeof PLACE_STATUSES)[number];

/** A place's fields as a form and an import's columns name them (browser-safe: the form uses them). */
export const PLACE_FIELDS = ["ref", "kind", "name", "nameEn", "nameZh", "address", "unit", "lon", "lat", "area", "phone", "status", "capacity", "occupancy", "note"] as const;
export type PlaceField = (typeof PLACE_FIELDS)[number];

export const placeKindSchema = z
  .object({
    kind: z.enum(PLACE_KINDS),
    names: localizedSchema.optional().describe("the province's own name for this kind; omitted: the interface's"),
    section: slugSchema.describe("the facilities or map section that lists these places; changing one is an update of that section"),
    agencies: z.array(slugSchema).min(1).describe("the agencies that keep these places; one tied to an admin unit keeps that unit's places and its sub-units' only"),
    order: z.number().int().min(0).default(0),
    enabled: z.boolean().default(true),
    source: sourceSchema.optional(),
  })
  .strict();
