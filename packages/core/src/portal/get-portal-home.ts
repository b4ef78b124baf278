// Everything a province's home page shows: identity, enabled sections in the pack's order with their
// enabled sub-categories, the lead and operating units, hotlines, contacts and the attribution line.
import type { Localized } from "@cong/config";
import type { Tx } from "@cong/db";
import { asArray, asLocalized, asOptionalLocalized, asRecord } from "../json.ts";
import { toTenantSummary, type TenantSummary } from "../tenants/tenant-summary.ts";

export type PortalUnit = { key: string; names: Localized; shortName: Localized | null };
export type PortalSection = {
  slug: string;
  kind: string;
  names: Localized;
  description: Localized | null;
  url: string | null;
  categories: { slug: string; names: Localized }[];
};
export type PortalHome = {
  tenant: TenantSummary;
  sections: PortalSection[];
  leadUnit: PortalUnit | null;
  operator: PortalUnit | null;
  hotlines: { label: Localized; number: string }[];
  contacts: { address: Localized | null; email: string | null; phone: string | null };
  attribution: Localized;
};

export async function getPortalHome({ tx, tenantId }: { tx: Tx; tenantId: string }): Promise<PortalHome | null> {
  {
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId } });
    if (!tenant) return null;
    const sections = await tx.section.findMany({
      where: { tenantId, enabled: true },
      orderBy: [{ position: "asc" }, { slug: "asc" }],
      include: { categories: { where: { enabled: true }, orderBy: [{ position: "asc" }, { slug: "asc" }] } },
    });
    const agencies = await tx.agency.findMany({
      where: { tenantId, key: { in: [tenant.leadAgencyKey, tenant.operatorAgencyKey] } },
    });
    const unit = (key: string): PortalUnit | null => {
      const a = agencies.find((x) => x.key === key);
      return a ? { key: a.key, names: asLocalized(a.names), shortName: asOptionalLocalized(a.shortName) } : null;
    };
    const contacts = asRecord(tenant.contacts);
    return {
      tenant: toTenantSummary(tenant),
      sections: sections.map((s) => ({
        slug: s.slug,
        kind: s.kind,
        names: asLocalized(s.names),
        description: asOptionalLocalized(s.description),
        url: s.url,
        categories: s.categories.map((c) => ({ slug: c.slug, names: asLocalized(c.names) })),
      })),
      leadUnit: unit(tenant.leadAgencyKey),
      operator: unit(tenant.operatorAgencyKey),
      hotlines: asArray(tenant.hotlines).flatMap((h) => {
        const r = asRecord(h);
        return typeof r.number === "string" ? [{ label: asLocalized(r.label), number: r.number }] : [];
      }),
      contacts: {
        address: asOptionalLocalized(contacts.address),
        email: typeof contacts.email === "string" ? contacts.email : null,
        phone: typeof contacts.phone === "string" ? contacts.phone : null,
      },
      attribution: asLocalized(tenant.attribution),
    };
  }
}
