// Who is signed in on this host. The session cookie is looked up in the scope of the host it came to
// (a province, or the platform on the apex), once per request, in the request's unit of work, and every
// admin loader and action asks here first.
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { findViewer, loadAbility, type Viewer } from "@cong/core";
import { subject, type AppAbility, type TenantRules } from "@cong/authz";
import { readCookie, serializeCookie } from "~/utils/cookies.server";

export const SESSION_COOKIE = "cong_session";

/** The database scope of the host: a province's id, null for the apex; unknown hosts have no admin. */
export function scopeOf(context: AppLoadContext): string | null {
  const { site } = context;
  if (site.kind === "tenant") return site.tenant.id;
  if (site.kind === "apex") return null;
  throw data({ reason: "not-found" as const }, { status: 404 });
}

const viewers = new WeakMap<Request, Promise<Viewer | null>>();

export function getViewer(request: Request, context: AppLoadContext): Promise<Viewer | null> {
  let found = viewers.get(request);
  if (!found) {
    const tenantId = scopeOf(context);
    found = context.unit.run((tx) => findViewer({ tx, tenantId, token: readCookie(request, SESSION_COOKIE) }));
    viewers.set(request, found);
  }
  return found;
}

/** The signed-in viewer, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireViewer(request: Request, context: AppLoadContext): Promise<Viewer> {
  const viewer = await getViewer(request, context);
  if (viewer) return viewer;
  const url = new URL(request.url);
  throw redirect(`/admin/login?next=${encodeURIComponent(url.pathname + url.search)}`);
}

export type Access = { viewer: Viewer; ability: AppAbility; rules: TenantRules | null };
const abilities = new WeakMap<Request, Promise<Access>>();

/** The viewer and their CASL ability on this host (signed-in only). */
export function requireAccess(request: Request, context: AppLoadContext): Promise<Access> {
  let found = abilities.get(request);
  if (!found) {
    found = requireViewer(request, context).then(async (viewer) => {
      const tenantId = scopeOf(context);
      return { viewer, ...(await context.unit.run((tx) => loadAbility({ tx, viewer, tenantId }))) };
    });
    abilities.set(request, found);
  }
  return found;
}

/** Throws the admin's 403 page unless `allowed`; `detail` tells the page why. */
export function forbidIf(denied: boolean, detail: Record<string, unknown> = {}): void {
  if (denied) throw data({ reason: "forbidden" as const, ...detail }, { status: 403 });
}

export function sessionCookie(context: AppLoadContext, token: string, expires: Date): string {
  return serializeCookie(context, SESSION_COOKIE, token, { expires });
}

export function clearedSessionCookie(context: AppLoadContext): string {
  return serializeCookie(context, SESSION_COOKIE, "", { maxAge: 0 });
}

/**
 * Where to go after signing in: a path on this host only, never another site. Browsers drop tabs and
 * line breaks from addresses and read "\\" as "/", so "/\t/evil.example" would be "//evil.example":
 * any control character or backslash, or a path that resolves to another origin, falls back to /admin.
 */
export function safeNext(value: string | null): string {
  const fallback = "/admin";
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (!value || !value.startsWith("/") || value.startsWith("//") || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  const base = "http://this-host.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  return url.origin === base ? url.pathname + url.search + url.hash : fallback;
}

/** The viewer, on a province's host, who may configure that province (its admins); 404 elsewhere. */
export async function requireTenantAdmin(request: Request, context: AppLoadContext): Promise<Access & { tenantId: string }> {
  const access = await requireAccess(request, context);
  if (context.site.kind !== "tenant") throw data({ reason: "not-found" as const }, { status: 404 });
  const tenantId = context.site.tenant.id;
  forbidIf(!access.ability.can("configure", subject("Tenant", { tenantId, id: tenantId })), { code: "needs-role" });
  return { ...access, tenantId };
}
