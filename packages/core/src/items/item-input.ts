// What an editor submits for an item, by kind: one schema for the editor's form and the API. Documents
// carry the metadata of 2187/2017/QĐ-UBND Điều 14.4 (form, number and symbol, issuing body, signer,
// dates, status, field, summary); links and videos carry the address of the official service or source.
import { z } from "zod";
import { calendarDateSchema, LOCALES } from "@cong/config";

export const ITEM_KINDS = ["article", "video", "document", "link"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const DOC_STATUSES = ["in-force", "not-yet-in-force", "expired", "replaced", "partly-expired"] as const;

/** The kinds of item a section of this kind holds. */
export function kindsForSection(sectionKind: string): ItemKind[] {
  switch (sectionKind) {
    case "documents":
      return ["document"];
    case "videos":
      return ["video"];
    case "link":
    case "lookup":
    case "public-services":
    case "registration":
      return ["link"];
    case "news":
      return ["article", "video", "link"];
    default:
      return ["article", "link"];
  }
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "errors.tooLong")
    .transform((s) => (s === "" ? undefined : s.normalize("NFC")))
    .optional();
const optionalDate = z
  .union([z.literal(""), calendarDateSchema("errors.dateInvalid")])
  .optional()
  .transform((s) => (s ? s : undefined));
const optionalUuid = z
  .union([z.literal(""), z.uuid("errors.invalidValue")])
  .optional()
  .transform((s) => (s ? s : undefined));

export const translationInputSchema = z.object({
  title: optionalText(300),
  summary: optionalText(2000),
  body: z.string().max(300_000, "errors.tooLong").optional(),
});

export const itemInputSchema = z
  .object({
    kind: z.enum(ITEM_KINDS, "errors.invalidValue"),
    category: z.string().trim().optional().transform((s) => (s ? s : undefined)),
    translations: z.partialRecord(z.enum(LOCALES), translationInputSchema),
    mediaUrl: z
      .union([z.literal(""), z.url({ protocol: /^https?$/, error: "errors.urlInvalid" }).max(2000, "errors.tooLong")])
      .optional()
      .transform((s) => (s ? s : undefined)),
    coverId: optionalUuid,
    fileId: optionalUuid,
    doc: z
      .object({
        form: optionalText(100),
        number: optionalText(100),
        issuer: optionalText(200),
        signer: optionalText(120),
        issuedOn: optionalDate,
        effectiveOn: optionalDate,
        expiresOn: optionalDate,
        status: z.union([z.literal(""), z.enum(DOC_STATUSES, "errors.invalidValue")]).optional().transform((s) => (s ? s : undefined)),
        field: optionalText(120),
      })
      .optional(),
  })
  .superRefine((item, ctx) => {
    const need = (path: (string | number)[], message = "errors.required") => ctx.addIssue({ code: "custom", path, message });
    if (item.kind === "link" && !item.mediaUrl) need(["mediaUrl"]);
    if (item.kind === "video" && !item.mediaUrl && !item.fileId) need(["mediaUrl"], "errors.videoSource");
    if (item.kind === "document") {
      const d: Partial<NonNullable<typeof item.doc>> = item.doc ?? {};
      if (!d.form) need(["doc", "form"]);
      if (!d.number) need(["doc", "number"]);
      if (!d.issuer) need(["doc", "issuer"]);
      if (!d.issuedOn) need(["doc", "issuedOn"]);
      if (d.issuedOn && d.effectiveOn && d.effectiveOn < d.issuedOn) need(["doc", "effectiveOn"], "errors.effectiveBeforeIssued");
      if (d.effectiveOn && d.expiresOn && d.expiresOn < d.effectiveOn) need(["doc", "expiresOn"], "errors.expiresBeforeEffective");
    }
  });
export type ItemInput = z.output<typeof itemInputSchema>;
