// Who sees the deadline engine's pages: the province's admins, board and viewers, and the staff of the lead
// unit (and the operator and data lead) that chase the others' updates. Everyone else has their own
// agency's list on their home page.
import { data, type AppLoadContext } from "@remix-run/node";
import { subject } from "@cong/authz";
import { refreshDeadlinesIn } from "@cong/core";
import { forbidIf, requireAccess, type Access } from "~/utils/session.server";

export type DeadlineDoor = Access & { tenantId: string; timeZone: string };

export async function requireDeadlinesView(request: Request, context: AppLoadContext): Promise<DeadlineDoor> {
  const access = await requireAccess(request, context);
  if (context.site.kind !== "tenant") throw data({ reason: "not-found" }, { status: 404 });
  const tenantId = context.site.tenant.id;
  forbidIf(!access.ability.can("oversee", subject("Compliance", { tenantId })), { code: "needs-role" });
  return { ...access, tenantId, timeZone: context.site.tenant.timeZone };
}

// A page view brings the figures up to date when the last round is older than this (the job runs every
// minute anyway; this keeps a page from showing a minute-old "open" that has just become overdue).
const FRESH_MS = 20_000;
const refreshed = new Map<string, number>();

/** After a change that moves deadlines (a publish, a document's date, a calendar day): recompute on next view. */
export function staleDeadlines(tenantId: string): void {
  refreshed.delete(tenantId);
}

/** In the request's unit of work: call it on its own, never inside another context.unit.run. */
export async function freshDeadlines(context: AppLoadContext, tenantId: string): Promise<void> {
  const last = refreshed.get(tenantId) ?? 0;
  if (Date.now() - last < FRESH_MS) return;
  const started = Date.now();
  await context.unit.run((tx) => refreshDeadlinesIn({ tx, tenantId }));
  // Fresh only once it is committed: a request that rolls back leaves the next view to try again.
  context.unit.afterCommit(() => refreshed.set(tenantId, started));
}
