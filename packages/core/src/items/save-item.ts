// An editor creates or edits an item in a section their agency answers for (the matrix, through CASL):
// validated by one schema, HTML sanitized on the server, translations for the tenant's locales only,
// searchable without diacritics, with a revision and an audit entry — all in the request's transaction.
// Files sent with the form (a cover, a document's PDF, a video) are part of the same save: all of it or
// none of it, so a refused field or file leaves no item, revision, attachment or stored object behind.
import { EDITING_DUTIES } from "@cong/authz";
import { subject, type AppAbility } from "@cong/authz";
import { isUuid, type Tx, type UnitHooks } from "@cong/db";
import type { AuditActor } from "../audit/record-audit.ts";
import { cleanHtml, foldVietnamese, htmlToText, type Storage, type UploadPurpose } from "../content/index.ts";
import { invalid, parseWith, type Checked, type FieldErrors, type Lang } from "../validation.ts";
import { itemInputSchema, kindsForSection, type ItemInput } from "./item-input.ts";
import { syncDocumentEvent } from "../deadlines/document-events.ts";
import { recordItemChange } from "./item-history.ts";
import { snapshotOf } from "./item-snapshot.ts";
import { uniqueSlug } from "./slug.ts";
import { checkFile, withFiles, type CheckedFile, type IncomingFile } from "./attachment-files.ts";

export type SaveItemOptions = {
  tx: Tx;
  /** The request's unit: a file stored by the save is removed again if the unit does not commit. */
  unit: UnitHooks;
  tenantId: string;
  ability: AppAbility;
  actor: AuditActor;
  /** The viewer's agencies: a new item belongs to the one with a duty on the section. */
  agencyIds: string[];
  sectionSlug: string;
  itemId?: string;
  input: unknown;
  /**
   * Files sent with the form: a new cover image, a new document PDF or video. Each replaces the input's
   * coverId or fileId; a refused one is reported on its form field (coverUpload, fileUpload).
   */
  uploads?: { cover?: IncomingFile; file?: IncomingFile };
  /** Where uploaded files are stored; required with uploads. */
  storage?: Storage;
  lang?: Lang;
  now?: Date;
};

/** The form fields of the uploads, where their refusals are reported. */
export const UPLOAD_FIELDS = { cover: "coverUpload", file: "fileUpload" } as const;

export type SaveItemResult = Checked<{ id: string; slug: string; version: number }> | { ok: false; forbidden: true };

const date = (s: string | undefined) => (s ? new Date(`${s}T00:00:00Z`) : null);

export async function saveItem(o: SaveItemOptions): Promise<SaveItemResult> {
  // A slot with an upload is filled, whatever becomes of the file: the schema sees a placeholder id
  // (a video needs its address or its file) and the upload's own problems go on the upload's field.
  const parsed = parseWith(itemInputSchema, withUploadedSlots(o.input, o.uploads), o.lang);
  const sent = loose(o.input);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  // Files are judged by their bytes before anything is written.
  const files = await checkUploads(o, sent.kind, errors);
  return withFiles({ tx: o.tx, unit: o.unit, tenantId: o.tenantId, storage: o.storage }, async (tx, batch) => {
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: o.tenantId }, select: { locales: true, defaultLocale: true } });
    const section = await tx.section.findFirst({ where: { tenantId: o.tenantId, slug: o.sectionSlug }, include: { categories: true, duties: true } });
    if (!section) return invalid("form", "errors.sectionNotFound");
    const existing = o.itemId && isUuid(o.itemId) ? await tx.item.findFirst({ where: { id: o.itemId, tenantId: o.tenantId, sectionId: section.id }, include: { translations: true } }) : null;
    if (o.itemId && !existing) return invalid("form", "errors.itemNotFound");

    // The checks that need the section run on what was sent even when the schema refused something
    // else, so the editor sees every problem at once.
    const category = sent.category ? section.categories.find((c) => c.slug === sent.category) : undefined;
    if (sent.category && !category) addError(errors, "category", "errors.invalidValue");
    if (!kindsForSection(section.kind).includes(sent.kind as never)) addError(errors, "kind", "errors.kindNotInSection");
    checkTranslations(sent, tenant.locales, tenant.defaultLocale, errors);
    if (parsed.ok) await checkAttachments(tx, parsed.value, o.uploads ?? {}, errors);
    if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors };
    const input = parsed.value;

    const record = { tenantId: o.tenantId, sectionId: section.id, categoryId: category?.id ?? null };
    if (existing) {
      // Both where the item is and where it would go must be the editor's.
      const allowed = o.ability.can("update", subject("Item", { ...existing })) && o.ability.can("update", subject("Item", { ...existing, ...record }));
      // A published item changes live: only someone who may publish it may do that.
      const live = existing.status === "published" || existing.status === "scheduled";
      if (!allowed || (live && !o.ability.can("publish", subject("Item", { ...existing, ...record })))) return { ok: false, forbidden: true } as const;
    } else if (!o.ability.can("create", subject("Item", record))) return { ok: false, forbidden: true } as const;

    // No refusal past this point: a failure from here on throws, and everything rolls back.
    const coverId = files.cover ? (await batch.add(tx, files.cover, o.actor)).id : (input.coverId ?? null);
    const fileId = files.file ? (await batch.add(tx, files.file, o.actor)).id : (input.fileId ?? null);
    const now = o.now ?? new Date();
    const defaultTitle = input.translations[tenant.defaultLocale as "vi"]?.title ?? "";
    const fields = {
      kind: input.kind,
      categoryId: record.categoryId,
      mediaUrl: input.mediaUrl ?? null,
      coverId,
      fileId,
      docForm: input.doc?.form ?? null,
      docNumber: input.doc?.number ?? null,
      docIssuer: input.doc?.issuer ?? null,
      docSigner: input.doc?.signer ?? null,
      docIssuedOn: date(input.doc?.issuedOn),
      docEffectiveOn: date(input.doc?.effectiveOn),
      docExpiresOn: date(input.doc?.expiresOn),
      docStatus: input.doc?.status ?? null,
      docField: input.doc?.field ?? null,
      updatedBy: o.actor.id,
      updatedAt: now,
    };
    const before = existing ? snapshotOf(existing, existing.translations) : null;
    let item;
    if (existing) {
      item = await tx.item.update({ where: { id: existing.id }, data: { ...fields, version: { increment: 1 } } });
      await tx.itemTranslation.deleteMany({ where: { itemId: existing.id } });
    } else {
      const agencyId = section.duties.find((d) => o.agencyIds.includes(d.agencyId) && (EDITING_DUTIES as readonly string[]).includes(d.role))?.agencyId ?? null;
      const slug = await uniqueSlug(tx, section.id, defaultTitle);
      item = await tx.item.create({ data: { ...record, ...fields, agencyId, slug, status: "draft", createdBy: o.actor.id, createdAt: now } });
    }
    await tx.itemTranslation.createMany({
      data: Object.entries(input.translations)
        .filter(([, t]) => t?.title)
        .map(([locale, t]) => {
          const body = t!.body ? cleanHtml(t!.body) : null;
          return { itemId: item.id, tenantId: o.tenantId, locale, title: t!.title!, summary: t!.summary ?? null, body, searchText: searchText(t!.title!, [t!.summary, body ? htmlToText(body) : null, input.doc?.number, input.doc?.issuer, input.doc?.signer, input.doc?.form, input.doc?.field]) };
        }),
    });
    await syncDocumentEvent(tx, item);
    await recordItemChange(tx, { tenantId: o.tenantId, itemId: item.id, action: existing ? "update" : "create", actor: o.actor, before });
    return { ok: true, value: { id: item.id, slug: item.slug, version: item.version } };
  });
}

type Uploads = NonNullable<SaveItemOptions["uploads"]>;
type CheckedUploads = { cover?: CheckedFile; file?: CheckedFile };

// Stands for a file being uploaded with the save until its row exists; never written.
const PENDING_ID = "00000000-0000-4000-8000-000000000000";

function sentUpload(uploads: Uploads | undefined, slot: keyof Uploads): boolean {
  return (uploads?.[slot]?.bytes.length ?? 0) > 0;
}

function withUploadedSlots(input: unknown, uploads: Uploads | undefined): unknown {
  if (!sentUpload(uploads, "cover") && !sentUpload(uploads, "file")) return input;
  const o = input !== null && typeof input === "object" ? (input as Record<string, unknown>) : {};
  return { ...o, ...(sentUpload(uploads, "cover") ? { coverId: PENDING_ID } : {}), ...(sentUpload(uploads, "file") ? { fileId: PENDING_ID } : {}) };
}

/** Each upload judged by its bytes for its slot; a refusal goes on the upload's form field. */
async function checkUploads(o: SaveItemOptions, kind: string | undefined, errors: FieldErrors): Promise<CheckedUploads> {
  const out: CheckedUploads = {};
  const purposes: Record<keyof CheckedUploads, UploadPurpose> = { cover: "image", file: kind === "video" ? "video" : "document" };
  for (const slot of ["cover", "file"] as const) {
    const upload = o.uploads?.[slot];
    if (!upload || !sentUpload(o.uploads, slot)) continue;
    const checked = await checkFile(o.tenantId, upload, purposes[slot]);
    if (checked.ok) out[slot] = checked.value;
    else addError(errors, UPLOAD_FIELDS[slot], checked.reason);
  }
  return out;
}

/** The folded title on the first line (search ranks title matches higher), the rest after it. */
export function searchText(title: string, rest: (string | null | undefined)[]): string {
  return `${foldVietnamese(title)}\n${foldVietnamese(rest.filter(Boolean).join(" "))}`;
}

type LooseInput = { kind?: string; category?: string; translations: Record<string, { title?: string; summary?: string; body?: string } | undefined> };

function loose(input: unknown): LooseInput {
  const o = (input ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
  const translations: LooseInput["translations"] = {};
  if (o.translations && typeof o.translations === "object")
    for (const [locale, t] of Object.entries(o.translations as Record<string, Record<string, unknown> | undefined>))
      translations[locale] = t ? { title: str(t.title), summary: str(t.summary), body: str(t.body) } : undefined;
  return { kind: str(o.kind), category: str(o.category), translations };
}

function addError(errors: FieldErrors, field: string, message: string) {
  const list = (errors[field] ??= []);
  if (!list.includes(message)) list.push(message);
}

function checkTranslations(input: LooseInput, offered: string[], defaultLocale: string, errors: FieldErrors) {
  for (const [locale, t] of Object.entries(input.translations)) {
    if (!t) continue;
    if (!offered.includes(locale)) addError(errors, `translations.${locale}`, "errors.localeNotOffered");
    // A translation that has any text needs its title; an empty one is simply absent.
    else if (!t.title && (t.summary || t.body)) addError(errors, `translations.${locale}.title`, "errors.titleRequired");
  }
  if (!input.translations[defaultLocale]?.title) addError(errors, `translations.${defaultLocale}.title`, "errors.titleRequired");
  if (input.kind === "document" && !input.translations[defaultLocale]?.summary) addError(errors, `translations.${defaultLocale}.summary`, "errors.summaryRequired");
}

/** The files the item keeps (by id) must exist and be of the slot's type; an uploaded one replaces its slot's. */
async function checkAttachments(tx: Tx, input: ItemInput, uploads: Uploads, errors: FieldErrors) {
  const want = [
    { id: sentUpload(uploads, "cover") ? undefined : input.coverId, field: "coverId", ok: (m: string) => m.startsWith("image/") },
    { id: sentUpload(uploads, "file") ? undefined : input.fileId, field: "fileId", ok: (m: string) => (input.kind === "video" ? m.startsWith("video/") : m === "application/pdf") },
  ];
  for (const w of want) {
    if (!w.id) continue;
    const file = await tx.attachment.findUnique({ where: { id: w.id }, select: { mime: true } });
    if (!file || !w.ok(file.mime)) (errors[w.field] ??= []).push("errors.fileType");
  }
}
