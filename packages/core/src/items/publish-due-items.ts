// Scheduled publishing: every item whose time has come is published, including those whose time passed
// while the server was down (the first run after a start catches up). Safe with two app instances: each
// item moves from "scheduled" to "published" in one conditional update, so only one instance wins it.
// publishDueItemsIn works in the caller's transaction; publishDueItems is the job's door, which opens one
// transaction per province.
import type { Db, Tx } from "@cong/db";
import { withPlatform, withTenant } from "@cong/db";
import { SYSTEM_ACTOR } from "../audit/record-audit.ts";
import { recordItemChange } from "./item-history.ts";
import { snapshotOf } from "./item-snapshot.ts";
import { recordPublish } from "./transition-item.ts";

// Up to 500 items a round: longer than an interactive transaction's default 5 s.
const JOB_TIMEOUT = { timeout: 120_000, maxWait: 30_000 };

/** The background job's door: every province's due items, each province in a transaction of its own. */
export async function publishDueItems(db: Db, now = new Date()): Promise<{ published: number }> {
  const tenants = await withPlatform(db, (tx) => tx.tenant.findMany({ select: { id: true } }));
  let published = 0;
  for (const { id: tenantId } of tenants) published += (await withTenant(db, tenantId, (tx) => publishDueItemsIn({ tx, tenantId, now }), JOB_TIMEOUT)).published;
  return { published };
}

export async function publishDueItemsIn({ tx, tenantId, now = new Date() }: { tx: Tx; tenantId: string; now?: Date }): Promise<{ published: number }> {
  const due = await tx.item.findMany({ where: { tenantId, status: "scheduled", publishAt: { lte: now } }, select: { id: true }, orderBy: { publishAt: "asc" }, take: 500 });
  let published = 0;
  for (const { id } of due) {
    const item = await tx.item.findUnique({ where: { id }, include: { translations: true } });
    if (!item || item.status !== "scheduled") continue;
    // Another instance may have won it since the list was read: only the one whose update moved it records it.
    const moved = await tx.item.updateMany({ where: { id, status: "scheduled" }, data: { status: "published", publishedAt: now, publishAt: null, updatedAt: now } });
    if (moved.count !== 1) continue;
    await recordPublish(tx, item, now);
    await recordItemChange(tx, { tenantId, itemId: id, action: "auto-publish", actor: SYSTEM_ACTOR, before: snapshotOf(item, item.translations), note: `scheduled for ${item.publishAt?.toISOString()}` });
    published++;
  }
  return { published };
}
