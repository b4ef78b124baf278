// Which addresses are staff pages: private, never cached, the only ones with forms and CSRF tokens.
// Shared by the root loader and the server's cache policy (server/cache-policy.ts).
export function isStaffPath(path: string): boolean {
  return path === "/admin" || path.startsWith("/admin/") || path.startsWith("/admin.");
}
