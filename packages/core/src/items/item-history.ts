// Every change to an item leaves a revision (a full snapshot: who, when, what it became) and an audit
// entry, in the same transaction as the change.
import type { Tx } from "@cong/db";
import type { Prisma } from "@cong/db";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import { auditView, snapshotOf, type ItemSnapshot } from "./item-snapshot.ts";

export type ItemAction = "create" | "update" | "submit" | "publish" | "schedule" | "unschedule" | "withdraw" | "return" | "auto-publish";

export async function recordItemChange(
  tx: Tx,
  { tenantId, itemId, action, actor, before, note }: { tenantId: string; itemId: string; action: ItemAction; actor: AuditActor; before: ItemSnapshot | null; note?: string | null },
): Promise<ItemSnapshot> {
  const item = await tx.item.findUniqueOrThrow({ where: { id: itemId }, include: { translations: true } });
  const after = snapshotOf(item, item.translations);
  await tx.itemRevision.create({
    data: {
      tenantId,
      itemId,
      version: item.version,
      actorId: actor.id,
      actorEmail: actor.email,
      action,
      status: item.status,
      snapshot: after as unknown as Prisma.InputJsonValue,
      note: note ?? null,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    tenantId,
    actor,
    action: `item.${action}`,
    subject: "Item",
    subjectId: itemId,
    before: before ? auditView(before) : undefined,
    after: auditView(after),
  });
  return after;
}
