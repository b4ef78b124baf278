// One item for its editor's page: its fields and translations, what the viewer may do with it next, and
// its revision history with what each change did (word-level diffs).
import { subject, type AppAbility } from "@cong/authz";
import type { Tx } from "@cong/db";
import { diffRevisions } from "../content/index.ts";
import { snapshotOf, type ItemSnapshot } from "./item-snapshot.ts";
import { allowedTransitions, type Transition } from "./transition-item.ts";

export type RevisionView = {
  id: string;
  version: number;
  at: Date;
  actorEmail: string | null;
  action: string;
  status: string;
  note: string | null;
  changes: ReturnType<typeof diffRevisions>;
};

export type ItemForEditing = {
  id: string;
  slug: string;
  kind: string;
  status: string;
  sectionId: string;
  categorySlug: string | null;
  publishAt: Date | null;
  publishedAt: Date | null;
  snapshot: ItemSnapshot;
  canUpdate: boolean;
  transitions: Transition[];
  revisions: RevisionView[];
};

export async function getItemForEditing({ tx, tenantId, ability, itemId }: { tx: Tx; tenantId: string; ability: AppAbility; itemId: string }): Promise<ItemForEditing | null> {
  const item = await tx.item.findFirst({
    where: { id: itemId, tenantId },
    include: { translations: true, category: { select: { slug: true } }, revisions: { orderBy: [{ at: "asc" }, { version: "asc" }] } },
  });
  if (!item || !ability.can("read", subject("Item", { ...item }))) return null;
  const live = item.status === "published" || item.status === "scheduled";
  const canUpdate = ability.can("update", subject("Item", { ...item })) && (!live || ability.can("publish", subject("Item", { ...item })));
  let previous: Record<string, unknown> | null = null;
  const revisions: RevisionView[] = item.revisions.map((r) => {
    const snapshot = r.snapshot as Record<string, unknown>;
    const changes = diffRevisions(previous, snapshot);
    previous = snapshot;
    return { id: r.id, version: r.version, at: r.at, actorEmail: r.actorEmail, action: r.action, status: r.status, note: r.note, changes };
  });
  return {
    id: item.id,
    slug: item.slug,
    kind: item.kind,
    status: item.status,
    sectionId: item.sectionId,
    categorySlug: item.category?.slug ?? null,
    publishAt: item.publishAt,
    publishedAt: item.publishedAt,
    snapshot: snapshotOf(item, item.translations),
    canUpdate,
    transitions: allowedTransitions(ability, item),
    revisions: revisions.reverse(),
  };
}
