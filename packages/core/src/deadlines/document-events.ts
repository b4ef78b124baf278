// A document with an issue date starts a clock: the agency must post it on the portal as soon as it is
// issued (or within N working days, as its duty says). The event follows the item: set, moved or removed
// with the item's issue date; the item's publication answers it.
import type { Tx } from "@cong/db";
import { toUtc } from "@cong/schedule";

export async function syncDocumentEvent(tx: Tx, item: { id: string; tenantId: string; sectionId: string; agencyId: string | null; kind: string; docIssuedOn: Date | null }): Promise<void> {
  const existing = await tx.clockEvent.findFirst({ where: { tenantId: item.tenantId, itemId: item.id, kind: "document-issued" } });
  if (item.kind !== "document" || !item.docIssuedOn) {
    if (existing) await tx.clockEvent.delete({ where: { id: existing.id } });
    return;
  }
  const { timeZone } = await tx.tenant.findUniqueOrThrow({ where: { id: item.tenantId }, select: { timeZone: true } });
  const at = toUtc(item.docIssuedOn.toISOString().slice(0, 10), "00:00", timeZone);
  if (existing) {
    if (existing.at.getTime() !== at.getTime() || existing.agencyId !== item.agencyId)
      await tx.clockEvent.update({ where: { id: existing.id }, data: { at, agencyId: item.agencyId, sectionId: item.sectionId } });
    return;
  }
  await tx.clockEvent.create({ data: { tenantId: item.tenantId, kind: "document-issued", at, sectionId: item.sectionId, agencyId: item.agencyId, itemId: item.id } });
}

/** The clock event an item's publication answers, if any. */
export async function eventAnsweredBy(tx: Tx, itemId: string): Promise<string | null> {
  return (await tx.clockEvent.findFirst({ where: { itemId }, select: { id: true } }))?.id ?? null;
}
