// The use cases and the health check the loaders call: server-only, never in the browser bundle.
export { getPortalHome, listSections, listTenants } from "@cong/core";
