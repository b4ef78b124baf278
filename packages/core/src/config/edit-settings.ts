// The settings form as an edit of the pack: the portal's title and the province's name, domains,
// languages, time zone, branding, contacts, hotlines and the attribution line. Texts are asked for in
// the languages the portal offers now; offering a new language makes the schema name every text that
// still lacks it, which is the point.
import type { TenantPack } from "@cong/config";
import { bool, compact, lines, localizedInput, optionalLocalizedInput, optStr, record, rows, str, strings, type FormInput } from "./form-input.ts";
import type { PackEdit } from "./save-tenant-config.ts";

export function editSettings(current: TenantPack, input: FormInput): PackEdit {
  const offered = current.locales.offered;
  const locales = record(input.locales);
  const branding = record(input.branding);
  const colors = record(branding.colors);
  const contacts = record(input.contacts);

  const fields: [string, string][] = [];
  const hotlines: unknown[] = [];
  for (const { row, index } of rows(input.hotlines)) {
    if (bool(row._remove)) continue;
    const old = current.hotlines[index];
    const label = record(row.label);
    if (offered.every((l) => str(label[l]) === "") && str(row.number) === "" && str(row.agency) === "") continue;
    fields.push([`hotlines[${hotlines.length}]`, `hotlines[${index}]`]);
    hotlines.push(compact({ label: localizedInput(row.label, offered, old?.label), number: str(row.number), agency: optStr(row.agency) }));
  }

  const pack = {
    ...current,
    name: localizedInput(input.name, offered, current.name),
    portalTitle: localizedInput(input.portalTitle, offered, current.portalTitle),
    domains: lines(input.domains),
    locales: { default: str(locales.default), offered: strings(locales.offered) },
    timeZone: str(input.timeZone),
    branding: compact({
      logo: optStr(branding.logo),
      colors: compact({ primary: str(colors.primary), secondary: optStr(colors.secondary), accent: optStr(colors.accent) }),
    }),
    contacts: compact({
      address: optionalLocalizedInput(contacts.address, offered, current.contacts.address),
      email: optStr(contacts.email),
      phone: optStr(contacts.phone),
    }),
    hotlines,
    attribution: localizedInput(input.attribution, offered, current.attribution),
  };
  const same = ["name", "portalTitle", "domains", "locales", "timeZone", "branding", "contacts", "hotlines", "attribution"].map((k) => [k, k] as const);
  return { pack, posted: input, fields: [...fields, ...same] };
}
