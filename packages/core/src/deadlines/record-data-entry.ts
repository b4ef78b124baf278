// An entry of data is an update for the deadline engine (docs/decisions/0012 §5): one update_event
// (`data-entry`) per agency and section at the moment of entry, whichever door the data came through
// (figures entered or imported, places created, edited or imported).
import type { Tx } from "@cong/db";

export async function recordDataEntry({ tx, tenantId, at, updates }: { tx: Tx; tenantId: string; at: Date; updates: { agencyId: string | null; sectionId: string }[] }): Promise<void> {
  const unique = new Map<string, { agencyId: string; sectionId: string }>();
  for (const u of updates) if (u.agencyId) unique.set(`${u.agencyId}|${u.sectionId}`, { agencyId: u.agencyId, sectionId: u.sectionId });
  if (unique.size === 0) return;
  await tx.updateEvent.createMany({ data: [...unique.values()].map((u) => ({ tenantId, sectionId: u.sectionId, agencyId: u.agencyId, kind: "data-entry", at })) });
}
