// The tenant's whole section catalogue for the API: every section (enabled or not) in order, its
// sub-categories, and the agencies that own it with their duties (role, deadline rule, source article).
import type { Localized } from "@cong/config";
import type { Tx } from "@cong/db";
import { asLocalized, asOptionalLocalized } from "../json.ts";

export type SectionDuty = {
  role: string;
  what: Localized | null;
  categories: string[];
  deadline: unknown;
  source: string;
};
export type SectionAgency = { key: string; names: Localized; duties: SectionDuty[] };
export type SectionListing = {
  slug: string;
  kind: string;
  names: Localized;
  order: number;
  enabled: boolean;
  review: boolean;
  url: string | null;
  categories: { slug: string; names: Localized; order: number; enabled: boolean }[];
  agencies: SectionAgency[];
};

export async function listSections({ tx, tenantId }: { tx: Tx; tenantId: string }): Promise<SectionListing[]> {
  const sections = await tx.section.findMany({
    where: { tenantId },
    orderBy: [{ position: "asc" }, { slug: "asc" }],
    include: {
      categories: { orderBy: [{ position: "asc" }, { slug: "asc" }] },
      duties: { orderBy: { position: "asc" }, include: { agency: { select: { key: true, names: true } } } },
    },
  });
  return sections.map((s) => {
    const agencies = new Map<string, SectionAgency>();
    for (const d of s.duties) {
      let agency = agencies.get(d.agency.key);
      if (!agency) agencies.set(d.agency.key, (agency = { key: d.agency.key, names: asLocalized(d.agency.names), duties: [] }));
      agency.duties.push({
        role: d.role,
        what: asOptionalLocalized(d.what),
        categories: d.categories,
        deadline: d.deadline ?? null,
        source: d.source,
      });
    }
    return {
      slug: s.slug,
      kind: s.kind,
      names: asLocalized(s.names),
      order: s.position,
      enabled: s.enabled,
      review: s.review,
      url: s.url,
      categories: s.categories.map((c) => ({ slug: c.slug, names: asLocalized(c.names), order: c.position, enabled: c.enabled })),
      agencies: [...agencies.values()],
    };
  });
}
