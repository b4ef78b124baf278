// A province's domains are its own production hosts: the platform's apex, any host under it (another
// province's <slug>.<apex> included) and another province's domain are refused on the settings form and
// on pack import (preview and apply), with the host named on the `domains` field, on both databases;
// nothing is written. tenant_domain is read under the tenant's row-level security.
import { fileURLToPath } from "node:url";
import { beforeAll, expect, it } from "vitest";
import type { TenantPack } from "@cong/config";
import { seedTenants } from "@cong/db";
import { describeBackends, inUnit } from "@cong/db/testing";
import { listTenants } from "../tenants/list-tenants.ts";
import { resolveTenant } from "../tenants/resolve-tenant.ts";
import { applyPackImport } from "./apply-pack-import.ts";
import { editSettings } from "./edit-settings.ts";
import { exportTenantPack } from "./export-tenant-pack.ts";
import type { FormInput } from "./form-input.ts";
import { getTenantConfig } from "./get-tenant-config.ts";
import { previewPackImport } from "./preview-pack-import.ts";
import { saveTenantConfig } from "./save-tenant-config.ts";

const tenantsDir = fileURLToPath(new URL("../../../../tenants", import.meta.url));
const actor = { id: null, email: "admin@qn.test", ip: "127.0.0.1" };
const platformDomain = "cong.gov.vn";

/** The settings form as the page posts it, with the domains textarea replaced. */
function settingsForm(p: TenantPack, domains: string[]): FormInput {
  const loc = (v: Record<string, string | undefined> | undefined) => Object.fromEntries(p.locales.offered.map((l) => [l, v?.[l] ?? ""]));
  return {
    name: loc(p.name),
    portalTitle: loc(p.portalTitle),
    domains: domains.join("\n"),
    locales: { default: p.locales.default, offered: [...p.locales.offered] },
    timeZone: p.timeZone,
    branding: { logo: p.branding.logo ?? "", colors: { primary: p.branding.colors.primary, secondary: p.branding.colors.secondary ?? "", accent: p.branding.colors.accent ?? "" } },
    contacts: { address: loc(p.contacts.address), email: p.contacts.email ?? "", phone: p.contacts.phone ?? "" },
    hotlines: p.hotlines.map((h) => ({ label: loc(h.label), number: h.number, agency: h.agency ?? "" })),
    attribution: loc(p.attribution),
  };
}

describeBackends("a province's domains", ({ db }) => {
  let qn = "";
  const hosts = async () => (await db().owner.tenantDomain.findMany({ where: { tenantId: qn }, orderBy: { host: "asc" } })).map((d) => d.host);
  const saveDomains = (domains: string[], lang: "vi" | "en" = "vi") =>
    inUnit(db(), qn, (tx) => saveTenantConfig({ tx, tenantId: qn, actor, lang, platformDomain, action: "config.settings.update", edit: (p) => editSettings(p, settingsForm(p, domains)) }));
  const configVersion = async () => (await inUnit(db(), qn, (tx) => getTenantConfig({ tx, tenantId: qn })))!.version;

  beforeAll(async () => {
    expect((await seedTenants(db(), tenantsDir)).failed).toEqual([]);
    qn = (await inUnit(db(), null, (tx) => listTenants({ tx }))).find((t) => t.slug === "quang-ninh")!.id;
  });

  it("refuses another province's subdomain, the platform's apex and any host under it on the settings form, naming each host", async () => {
    const before = await hosts();
    const version = await configVersion();
    const result = await saveDomains(["covid19.quangninh.gov.vn", "nghe-an.cong.gov.vn", "cong.gov.vn", "www.cong.gov.vn", "tin.tuc.cong.gov.vn"]);
    expect(result).toEqual({
      ok: false,
      errors: {
        domains: [
          "Tên miền “nghe-an.cong.gov.vn” thuộc tên miền của nền tảng (cong.gov.vn): chỉ nền tảng cấp các địa chỉ này, tỉnh không khai báo được.",
          "Tên miền “cong.gov.vn” thuộc tên miền của nền tảng (cong.gov.vn): chỉ nền tảng cấp các địa chỉ này, tỉnh không khai báo được.",
          "Tên miền “www.cong.gov.vn” thuộc tên miền của nền tảng (cong.gov.vn): chỉ nền tảng cấp các địa chỉ này, tỉnh không khai báo được.",
          "Tên miền “tin.tuc.cong.gov.vn” thuộc tên miền của nền tảng (cong.gov.vn): chỉ nền tảng cấp các địa chỉ này, tỉnh không khai báo được.",
        ],
      },
    });
    expect(await hosts()).toEqual(before);
    expect(await configVersion()).toBe(version);
  });

  it("refuses the province's own platform address too, saying it works without being listed", async () => {
    const result = await saveDomains(["covid19.quangninh.gov.vn", "quang-ninh.cong.gov.vn"], "en");
    expect(result).toEqual({ ok: false, errors: { domains: ["“quang-ninh.cong.gov.vn” is this province's own address on the platform and always works without being listed: please remove it from the domains."] } });
  });

  it("refuses a domain another province has, read under row-level security", async () => {
    const result = await saveDomains(["covid19.quangninh.gov.vn", "thongtincovid19.nghean.gov.vn"]);
    expect(result).toEqual({ ok: false, errors: { domains: ["Tên miền “thongtincovid19.nghean.gov.vn” đang thuộc về một tỉnh khác."] } });
    expect((await resolveTenant(db(), { kind: "domain", host: "thongtincovid19.nghean.gov.vn" }))?.slug).toBe("nghe-an");
  });

  it("refuses the same hosts in an imported pack, at preview and again at apply", async () => {
    const before = await hosts();
    const exported = (await inUnit(db(), qn, (tx) => exportTenantPack({ tx, tenantId: qn })))!;
    const withHost = (host: string) => exported.text.replace("domains: [ covid19.quangninh.gov.vn ]", `domains: [ covid19.quangninh.gov.vn, ${host} ]`);
    expect(withHost("x")).not.toBe(exported.text);
    for (const [host, message] of [
      ["thanh-hoa.cong.gov.vn", "Tên miền “thanh-hoa.cong.gov.vn” thuộc tên miền của nền tảng (cong.gov.vn): chỉ nền tảng cấp các địa chỉ này, tỉnh không khai báo được."],
      ["covid19.thanhhoa.gov.vn", "Tên miền “covid19.thanhhoa.gov.vn” đang thuộc về một tỉnh khác."],
    ]) {
      expect(await inUnit(db(), qn, (tx) => previewPackImport({ tx, tenantId: qn, text: withHost(host!), platformDomain }))).toEqual({ ok: false, errors: { "domains[1]": [message] } });
    }
    // A preview made before the rule (or a tampered hidden field) is checked again when applied.
    const fine = await inUnit(db(), qn, (tx) => previewPackImport({ tx, tenantId: qn, text: exported.text, platformDomain }));
    if (!fine.ok) throw new Error("the exported pack should preview");
    const tampered = fine.value.canonical.replace('"domains":["covid19.quangninh.gov.vn"]', '"domains":["covid19.quangninh.gov.vn","thanh-hoa.cong.gov.vn"]');
    expect(tampered).not.toBe(fine.value.canonical);
    const applied = await inUnit(db(), qn, (tx) => applyPackImport({ tx, tenantId: qn, actor, canonical: tampered, version: fine.value.version, platformDomain }));
    expect(applied).toEqual({ ok: false, errors: { "domains[1]": ["Tên miền “thanh-hoa.cong.gov.vn” thuộc tên miền của nền tảng (cong.gov.vn): chỉ nền tảng cấp các địa chỉ này, tỉnh không khai báo được."] } });
    expect(await hosts()).toEqual(before);
  });

  it("still saves the province's own new domain", async () => {
    expect(await saveDomains(["covid19.quangninh.gov.vn", "cong.quangninh.gov.vn"])).toMatchObject({ ok: true });
    expect(await hosts()).toEqual(["cong.quangninh.gov.vn", "covid19.quangninh.gov.vn"]);
  });
});
