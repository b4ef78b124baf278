// The embedded demo's first documents: each province's own regulations (pack `regulations[]`, texts in
// tenants/<slug>/regulations/), published in its documents section with their real metadata, so a
// newcomer sees a living portal. Idempotent: a regulation already there (same number) is left alone.
import { toUtc } from "@cong/schedule";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { TenantPack } from "@cong/config";
import type { Db, Tx } from "@cong/db";
import { withPlatform, withTenant } from "@cong/db";
import { SYSTEM_ACTOR } from "../audit/record-audit.ts";
import { recordItemChange } from "./item-history.ts";
import { searchText } from "./save-item.ts";
import { uniqueSlug } from "./slug.ts";
import { recordPublish } from "./transition-item.ts";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Plain text to the HTML the sanitizer allows: a paragraph per block, line breaks kept. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${escape(block).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

/** The CLI and start-up door: every province's regulations, each province in its own transaction. */
export async function seedRegulations(db: Db, tenantsDir: string): Promise<{ slug: string; created: number }[]> {
  const tenants = await withPlatform(db, (tx) => tx.tenant.findMany({ select: { id: true, slug: true } }));
  const results: { slug: string; created: number }[] = [];
  for (const tenant of tenants) {
    const created = await withTenant(db, tenant.id, (tx) => seedRegulationsIn({ tx, tenantId: tenant.id, tenantsDir }));
    results.push({ slug: tenant.slug, created });
  }
  return results;
}

/** One province's regulations that are not there yet, on tx; how many were published. */
export async function seedRegulationsIn({ tx, tenantId, tenantsDir }: { tx: Tx; tenantId: string; tenantsDir: string }): Promise<number> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { id: true, slug: true, pack: true, locales: true, timeZone: true } });
  const pack = tenant.pack as unknown as TenantPack;
  let created = 0;
  for (const r of pack.regulations ?? []) {
    if (!r.file) continue;
    const text = await readFile(path.join(tenantsDir, tenant.slug, r.file), "utf8").catch(() => null);
    if (text === null) continue;
    const issuedMonthOnly = r.issuedOn.length === 7;
    // Published at 08:00 on the day it was issued, on the province's clock.
    const publishedAt = toUtc(issuedMonthOnly ? `${r.issuedOn}-01` : r.issuedOn, "08:00", tenant.timeZone);
    const sectionSlug = r.section ?? pack.sections.find((s) => s.kind === "documents")?.slug;
    const section = await tx.section.findFirst({ where: { tenantId: tenant.id, slug: sectionSlug ?? "" }, include: { categories: true } });
    if (!section) continue;
    if (await tx.item.count({ where: { tenantId: tenant.id, kind: "document", docNumber: r.number } })) continue;
    const issuerAgency = await tx.agency.findFirst({ where: { tenantId: tenant.id, key: pack.leadUnit.agency }, select: { id: true } });
    const titles = r.title as Record<string, string>;
    const item = await tx.item.create({
      data: {
        tenantId: tenant.id,
        sectionId: section.id,
        categoryId: section.categories.find((c) => c.slug === r.category)?.id ?? null,
        agencyId: issuerAgency?.id ?? null,
        kind: "document",
        status: "published",
        slug: await uniqueSlug(tx, section.id, `${r.form} ${r.number}`),
        publishedAt,
        docForm: r.form,
        docNumber: r.number,
        docIssuer: r.issuer,
        docSigner: r.signer ?? null,
        // A press summary may give only the month: the day is left unknown rather than invented.
        docIssuedOn: issuedMonthOnly ? null : new Date(`${r.issuedOn}T00:00:00Z`),
        docEffectiveOn: r.effectiveOn ? new Date(`${r.effectiveOn}T00:00:00Z`) : null,
        docStatus: null,
        createdAt: publishedAt,
        updatedAt: publishedAt,
      },
    });
    const body = textToHtml(text);
    await tx.itemTranslation.createMany({
      data: tenant.locales
        .filter((l) => titles[l])
        .map((locale) => ({
          itemId: item.id,
          tenantId: tenant.id,
          locale,
          title: `${r.form} ${r.number}: ${titles[locale]}`,
          summary: titles[locale]!,
          // The full text exists in Vietnamese only; other languages carry the title and summary.
          body: locale === "vi" ? body : null,
          searchText: searchText(`${r.form} ${r.number} ${titles[locale]}`, [r.issuer, r.signer, locale === "vi" ? text : null]),
        })),
    });
    await recordPublish(tx, item, publishedAt);
    await recordItemChange(tx, { tenantId: tenant.id, itemId: item.id, action: "publish", actor: SYSTEM_ACTOR, before: null, note: `seeded from ${r.file}` });
    created++;
  }
  return created;
}
