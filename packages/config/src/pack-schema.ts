// The tenant config pack: one province's portal as data (identity, admin units, agencies, section
// catalogue, agency-role matrix, deadline rules). One schema validates the YAML/JSON packs under
// tenants/<slug>/ and, later, the admin UI. Cross-references inside a pack are checked here too, so
// every problem comes back with the path of the offending value.
import { z } from "zod";
import { calendarDateSchema, isCalendarDate, isCalendarMonth } from "./calendar-date.ts";
import { deadlineRuleSchema } from "./deadline-schema.ts";
import { figureChartSchema, figureSeriesSchema } from "./figure-schema.ts";
import { mapSchema } from "./map-schema.ts";
import { checkReferences } from "./pack-references.ts";
import { placeKindSchema } from "./place-schema.ts";

export * from "./deadline-schema.ts";
export * from "./pack-basics.ts";
import { localeSchema, localizedSchema, nfc, slugSchema, sourceSchema } from "./pack-basics.ts";

const hostnameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/, "must be a host name such as covid19.quangninh.gov.vn");

const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #b71c1c");

const timeZoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone such as Asia/Ho_Chi_Minh");

const isoDateSchema = calendarDateSchema("must be a real date YYYY-MM-DD");
const ISSUED_ON = /^\d{4}-\d{2}(-\d{2})?$/;


export const AGENCY_KINDS = [
  "people-committee",
  "committee-office",
  "department",
  "centre",
  "steering-committee",
  "working-group",
  "district-committee",
  "commune-committee",
  "health-centre",
  "police",
  "military",
  "border-guard",
  "social-insurance",
  "tax",
  "customs",
  "market-control",
  "company",
  "press",
  "portal",
  "other",
] as const;

export const SECTION_KINDS = [
  "documents",
  "news",
  "map",
  "charts",
  "statistics",
  "handbook",
  "qa",
  "policies",
  "reporting",
  "feedback",
  "videos",
  "fake-news",
  "facilities",
  "lookup",
  "registration",
  "public-services",
  "link",
  "contacts",
  "page",
] as const;

// "promote": the press and broadcasters are charged with publicising the portal (3691/QĐ-UBND Điều 18).
export const DUTY_ROLES = ["lead", "update", "co-update", "answer", "review", "monitor", "report", "operate", "promote"] as const;
export const dutyRoleSchema = z.enum(DUTY_ROLES);

const adminLevelSchema = z
  .object({
    key: slugSchema,
    names: localizedSchema,
    rank: z.number().int().min(1).max(10).describe("1 is the province; larger is lower"),
    validFrom: isoDateSchema.optional(),
    validUntil: isoDateSchema.optional().describe("the last day the level existed (districts: 2025-06-30)"),
  })
  .strict();

export const adminUnitSchema = z
  .object({
    code: z.string().regex(/^\d{2,6}$/, "must be the GSO numeric code"),
    name: z.string().min(1).transform(nfc),
    type: z.string().min(1).transform(nfc),
    level: slugSchema,
    parentCode: z.string().regex(/^\d{2,6}$/).nullable().optional(),
  })
  .strict();
export type AdminUnit = z.infer<typeof adminUnitSchema>;

const agencySchema = z
  .object({
    id: slugSchema,
    names: localizedSchema,
    shortName: localizedSchema.optional(),
    kind: z.enum(AGENCY_KINDS),
    parent: slugSchema.optional().describe("id of the parent agency"),
    unit: z.string().optional().describe("admin unit code the agency belongs to"),
    scope: z
      .object({ level: slugSchema })
      .strict()
      .optional()
      .describe("a collective agency standing for one body in every unit of this level, e.g. every district People's Committee"),
  })
  .strict();

const categorySchema = z
  .object({
    slug: slugSchema,
    names: localizedSchema,
    order: z.number().int().min(0),
    enabled: z.boolean().default(true),
  })
  .strict();

const sectionSchema = z
  .object({
    slug: slugSchema,
    kind: z.enum(SECTION_KINDS),
    names: localizedSchema,
    description: localizedSchema.optional(),
    order: z.number().int().min(0),
    enabled: z.boolean().default(true),
    review: z.boolean().default(false).describe("items need the editorial board's approval before publishing"),
    url: z.url().optional().describe("for link sections: the external service"),
    categories: z.array(categorySchema).default([]),
    source: sourceSchema.optional(),
  })
  .strict();

const dutySchema = z
  .object({
    role: dutyRoleSchema,
    what: localizedSchema.optional().describe("what the duty covers, e.g. quarantine sites"),
    categories: z.array(slugSchema).optional().describe("limits the duty to these sub-categories"),
    deadline: deadlineRuleSchema.optional(),
    source: sourceSchema,
  })
  .strict();

const matrixEntrySchema = z
  .object({
    agency: slugSchema,
    section: slugSchema,
    duties: z.array(dutySchema).min(1),
  })
  .strict();

/**
 * Duties that belong to no section: running the portal, reporting on it, security, backups,
 * publicising it. Regulations assign them as firmly as section duties, so they are data too.
 */
const portalDutyEntrySchema = z
  .object({
    agency: slugSchema,
    duties: z.array(dutySchema.omit({ categories: true })).min(1),
  })
  .strict();

const hotlineSchema = z
  .object({
    label: localizedSchema,
    number: z.string().regex(/^[0-9 .+()-]{3,20}$/, "must be a phone number"),
    agency: slugSchema.optional(),
  })
  .strict();

const regulationSchema = z
  .object({
    id: slugSchema,
    number: z.string().min(1).transform(nfc),
    form: z.string().min(1).transform(nfc),
    title: localizedSchema,
    issuer: z.string().min(1).transform(nfc),
    signer: z.string().min(1).transform(nfc).optional(),
    // Some seeds are press summaries that give only the month (4168/QĐ-UBND: "10/2021").
    issuedOn: z
      .string()
      .regex(ISSUED_ON, "must be a real date YYYY-MM-DD, or YYYY-MM when the text gives only the month")
      .refine((s) => !ISSUED_ON.test(s) || isCalendarDate(s) || isCalendarMonth(s), "must be a real date YYYY-MM-DD, or YYYY-MM when the text gives only the month"),
    effectiveOn: isoDateSchema.optional(),
    file: z.string().regex(/^(?!.*\.\.)[\w./-]+\.txt$/, "must be a .txt file beside the pack, e.g. regulations/3591.txt").optional().describe("the text, relative to the pack's folder; the demo publishes it as a document"),
    section: slugSchema.optional().describe("the documents section the demo publishes it in (default: the first documents section)"),
    category: slugSchema.optional().describe("the sub-category of that section, e.g. provincial documents"),
  })
  .strict();

const unitRefSchema = z
  .object({
    agency: slugSchema,
    what: localizedSchema.optional(),
    source: sourceSchema,
  })
  .strict();

export const packBaseSchema = z
  .object({
    $schema: z.string().optional(),
    slug: slugSchema,
    name: localizedSchema.describe("the province's name, e.g. Tỉnh Quảng Ninh"),
    provinceCode: z
      .string()
      .regex(/^\d{2}$/, "must be the two-digit GSO province code, e.g. 22")
      .optional()
      .describe("GSO code of the province; admin units with this parentCode hang directly under the province"),
    portalTitle: localizedSchema,
    domains: z.array(hostnameSchema).min(1).describe("production host names that reach this tenant"),
    locales: z
      .object({ default: localeSchema, offered: z.array(localeSchema).min(1) })
      .strict(),
    timeZone: timeZoneSchema.default("Asia/Ho_Chi_Minh"),
    branding: z
      .object({
        logo: z.string().optional(),
        colors: z.object({ primary: colorSchema, secondary: colorSchema.optional(), accent: colorSchema.optional() }).strict(),
      })
      .strict(),
    contacts: z
      .object({
        address: localizedSchema.optional(),
        email: z.email().optional(),
        phone: z.string().regex(/^[0-9 .+()-]{3,20}$/).optional(),
      })
      .strict()
      .default({}),
    hotlines: z.array(hotlineSchema).default([]),
    attribution: localizedSchema.describe("the line shown when content from this portal is reused (2187/2017 Điều 13)"),
    regulations: z.array(regulationSchema).min(1),
    leadUnit: unitRefSchema.describe("the portal's lead or standing unit"),
    operator: unitRefSchema.describe("the agency that operates the portal, named in the footer"),
    dataLead: unitRefSchema.optional().describe("the agency answerable for the accuracy of figures, where it differs"),
    adminLevels: z.array(adminLevelSchema).min(1),
    adminUnits: z
      .object({
        file: z.string().regex(/^[\w.-]+\.json$/, "must be a JSON file beside the pack"),
        source: z.string().min(1),
        licence: z.string().min(1),
      })
      .strict(),
    agencies: z.array(agencySchema).min(1),
    sections: z.array(sectionSchema).min(1),
    matrix: z.array(matrixEntrySchema).min(1),
    portalDuties: z.array(portalDutyEntrySchema).default([]).describe("duties on the portal as a whole rather than on one section"),
    map: mapSchema.optional().describe("the map pages' basemap, opening view, boundaries file and first figure (docs/decisions/0013)"),
    figures: z.array(figureSeriesSchema).default([]).describe("the series of figures the portal publishes, by admin unit and time of day"),
    charts: z.array(figureChartSchema).default([]).describe("charts that draw several series together"),
    places: z.array(placeKindSchema).default([]).describe("the kinds of place the portal keeps registries of, who keeps each and where it shows"),
    reminders: z
      .object({
        beforeMinutes: z.number().int().min(0).max(7 * 24 * 60).default(60).describe("how long before a due time the agency's editors are reminded (0: no reminder)"),
        overdue: z.boolean().default(true).describe("remind them again when an update becomes overdue"),
      })
      .strict()
      .default({ beforeMinutes: 60, overdue: true })
      .describe("reminders of due updates, mailed to the responsible agency's editors"),
  })
  .strict();

export type PackBase = z.infer<typeof packBaseSchema>;

export const packSchema = packBaseSchema.superRefine(checkReferences);
export type TenantPack = z.infer<typeof packSchema>;
export type PackInput = z.input<typeof packSchema>;
export type Agency = TenantPack["agencies"][number];
export type Section = TenantPack["sections"][number];
export type SectionCategory = Section["categories"][number];
export type MatrixEntry = TenantPack["matrix"][number];
export type Duty = MatrixEntry["duties"][number];
export type DutyRole = z.infer<typeof dutyRoleSchema>;
export type PortalDutyEntry = TenantPack["portalDuties"][number];
export type FigureSeries = TenantPack["figures"][number];
export type PackPlaceKind = TenantPack["places"][number];
