// GET /api/v1/sections: the tenant's section catalogue with owning agencies and their duties.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listSections } from "~/utils/core.server";

export async function loader({ context }: LoaderFunctionArgs) {
  const { site } = context;
  if (site.kind !== "tenant") {
    const error = site.kind === "apex" ? "the platform host has no sections: ask a tenant's host" : `no tenant at ${site.host}`;
    return Response.json({ error }, { status: 404 });
  }
  const sections = await context.unit.run((tx) => listSections({ tx, tenantId: site.tenant.id }));
  return Response.json({ tenant: site.tenant.slug, sections });
}
