// @cong/core: the use cases the app calls. Server-only (they take a database handle).
export { parseHost, type ParsedHost } from "./tenants/parse-host.ts";
export { resolveTenant, type TenantHost } from "./tenants/resolve-tenant.ts";
export { listTenants } from "./tenants/list-tenants.ts";
export type { TenantSummary } from "./tenants/tenant-summary.ts";
export { getPortalHome, type PortalHome, type PortalSection, type PortalUnit } from "./portal/get-portal-home.ts";
export { listSections, type SectionListing, type SectionAgency, type SectionDuty } from "./sections/list-sections.ts";
