// An item as a plain object: what a revision stores and what the audit log and the diff compare.
import type { Item, ItemTranslation } from "@cong/db";

export type ItemSnapshot = {
  status: string;
  categoryId: string | null;
  mediaUrl: string | null;
  coverId: string | null;
  fileId: string | null;
  publishAt: string | null;
  doc: Record<string, string | null> | null;
  translations: Record<string, { title: string; summary: string | null; body: string | null }>;
};

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function snapshotOf(item: Item, translations: Pick<ItemTranslation, "locale" | "title" | "summary" | "body">[]): ItemSnapshot {
  return {
    status: item.status,
    categoryId: item.categoryId,
    mediaUrl: item.mediaUrl,
    coverId: item.coverId,
    fileId: item.fileId,
    publishAt: item.publishAt?.toISOString() ?? null,
    doc:
      item.kind === "document"
        ? {
            form: item.docForm,
            number: item.docNumber,
            issuer: item.docIssuer,
            signer: item.docSigner,
            issuedOn: day(item.docIssuedOn),
            effectiveOn: day(item.docEffectiveOn),
            expiresOn: day(item.docExpiresOn),
            status: item.docStatus,
            field: item.docField,
          }
        : null,
    translations: Object.fromEntries(translations.map((t) => [t.locale, { title: t.title, summary: t.summary, body: t.body }])),
  };
}

/** The audit log keeps the shape of a change, not whole bodies (the revision history has those). */
export function auditView(s: ItemSnapshot) {
  return { ...s, translations: Object.fromEntries(Object.entries(s.translations).map(([l, t]) => [l, { title: t.title, summary: t.summary }])) };
}
