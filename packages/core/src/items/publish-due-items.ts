// Scheduled publishing: every item whose time has come is published, including those whose time passed
// while the server was down (the first run after a start catches up). Safe with two app instances: each
// item moves from "scheduled" to "published" in one conditional update, so only one instance wins it.
import type { Db } from "@cong/db";
import { withPlatform, withTenant } from "@cong/db";
import { SYSTEM_ACTOR } from "../audit/record-audit.ts";
import { recordItemChange } from "./item-history.ts";
import { snapshotOf } from "./item-snapshot.ts";
import { recordPublish } from "./transition-item.ts";

export async function publishDueItems(db: Db, now = new Date()): Promise<{ published: number }> {
  const tenants = await withPlatform(db, (tx) => tx.tenant.findMany({ select: { id: true } }));
  let published = 0;
  for (const { id: tenantId } of tenants) {
    const due = await withTenant(db, tenantId, (tx) =>
      tx.item.findMany({ where: { tenantId, status: "scheduled", publishAt: { lte: now } }, select: { id: true }, orderBy: { publishAt: "asc" }, take: 500 }),
    );
    for (const { id } of due) {
      const done = await withTenant(db, tenantId, async (tx) => {
        const item = await tx.item.findUnique({ where: { id }, include: { translations: true } });
        if (!item || item.status !== "scheduled") return false;
        const moved = await tx.item.updateMany({ where: { id, status: "scheduled" }, data: { status: "published", publishedAt: now, publishAt: null, updatedAt: now } });
        if (moved.count !== 1) return false;
        await recordPublish(tx, item, now);
        await recordItemChange(tx, { tenantId, itemId: id, action: "auto-publish", actor: SYSTEM_ACTOR, before: snapshotOf(item, item.translations), note: `scheduled for ${item.publishAt?.toISOString()}` });
        return true;
      });
      if (done) published++;
    }
  }
  return { published };
}
