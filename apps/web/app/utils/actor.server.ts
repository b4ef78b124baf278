// Who to write in the audit log for this request.
import type { AppLoadContext } from "@remix-run/node";
import type { AuditActor, Viewer } from "@cong/core";

export function auditActor(viewer: Viewer, context: AppLoadContext): AuditActor {
  return { id: viewer.id, email: viewer.email, ip: context.ip };
}
