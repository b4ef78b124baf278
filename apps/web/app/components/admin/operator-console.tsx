// The platform console on the apex: the provinces, their domains and accounts, and the form that invites
// a province's first provincial admin.
import { Form } from "@remix-run/react";
import { useTimeZone } from "~/components/use-time-zone";
import { useTranslation } from "react-i18next";
import type { TenantOverview } from "@cong/core";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary, SelectField, TextField, type FieldErrors } from "~/components/form/fields";
import { LocalizedText } from "~/components/localized-text";

type Props = {
  tenants: (TenantOverview & { url: string })[];
  result: { ok: boolean; errors: FieldErrors | null; invited?: string } | null;
};

export function OperatorConsole({ tenants, result }: Props) {
  const { t, i18n } = useTranslation();
  const labels = { tenant: t("admin.console.tenant"), email: t("auth.email"), name: t("users.name") };
  const timeZone = useTimeZone();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <>
      <h1>{t("admin.console.heading")}</h1>
      <table className="data">
        <caption>{t("admin.console.tenantsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.console.tenant")}</th>
            <th scope="col">{t("admin.console.domains")}</th>
            <th scope="col">{t("admin.console.activeUsers")}</th>
            <th scope="col">{t("admin.console.admins")}</th>
            <th scope="col">{t("admin.console.updated")}</th>
          </tr>
        </thead>
        <tbody>
          {tenants.map((x) => (
            <tr key={x.id} data-tenant={x.slug}>
              <th scope="row">
                <a href={x.url}>
                  <LocalizedText value={x.name} />
                </a>
              </th>
              <td>{x.domains.join(", ")}</td>
              <td>{x.activeUsers}</td>
              <td>{x.admins}</td>
              <td>{date.format(new Date(x.updatedAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t("admin.console.addTenantHint")}</p>

      <section aria-labelledby="invite-admin" className="panel">
        <h2 id="invite-admin">{t("admin.console.inviteHeading")}</h2>
        {result?.ok ? <p role="status">{t("users.invited", { email: result.invited })}</p> : null}
        <ErrorSummary errors={result?.errors} labels={labels} />
        <Form method="post" noValidate>
          <CsrfInput />
          <SelectField name="tenant" label={labels.tenant} options={tenants.map((x) => ({ value: x.slug, label: x.name.vi }))} errors={result?.errors} />
          <TextField name="name" label={labels.name} errors={result?.errors} required />
          <TextField name="email" type="email" label={labels.email} errors={result?.errors} required />
          <button type="submit" className="button">
            {t("users.invite")}
          </button>
        </Form>
      </section>
    </>
  );
}
