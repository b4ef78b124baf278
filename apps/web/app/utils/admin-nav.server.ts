// The admin menu a viewer gets: only the pages their ability opens (the pages check again on the server).
import { subject } from "@cong/authz";
import type { AppLoadContext } from "@remix-run/node";
import type { Access } from "~/utils/session.server";

export type NavKey = "dashboard" | "sections" | "figures" | "places" | "deadlines" | "users" | "config" | "calendar" | "audit" | "outbox" | "tenants";

export async function adminNav({ ability }: Access, context: AppLoadContext): Promise<NavKey[]> {
  const dev = context.env.NODE_ENV !== "production" && context.services.mailer.kind === "outbox";
  if (context.site.kind === "apex") {
    if (!ability.can("manage", "Platform")) return ["dashboard"];
    return ["dashboard", "users", "audit", ...(dev ? (["outbox"] as const) : [])];
  }
  if (context.site.kind !== "tenant") return [];
  const tenantId = context.site.tenant.id;
  const nav: NavKey[] = ["dashboard", "sections"];
  // Any series this person enters (conditions aside: the page shows which).
  if (ability.can("enter", "Figure")) nav.push("figures");
  if (ability.can("update", "Place")) nav.push("places");
  if (ability.can("oversee", subject("Compliance", { tenantId }))) nav.push("deadlines");
  if (ability.can("invite", subject("User", { tenantId }))) nav.push("users");
  if (ability.can("configure", subject("Tenant", { tenantId, id: tenantId }))) nav.push("config", "calendar");
  if (ability.can("read", subject("AuditLog", { tenantId }))) nav.push("audit");
  if (dev && ability.can("configure", subject("Tenant", { tenantId, id: tenantId }))) nav.push("outbox");
  return nav;
}
