// /admin/audit: every write in this province (or, on the apex, the platform's own), filterable.
import { DEFAULT_TIME_ZONE } from "@cong/schedule";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useTimeZone } from "~/components/use-time-zone";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { subject } from "@cong/authz";
import { listAudit } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { ErrorSummary, SelectField, TextField } from "~/components/form/fields";
import { getLocale } from "~/utils/locale.server";
import { forbidIf, requireAccess, scopeOf } from "~/utils/session.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ability } = await requireAccess(request, context);
  const tenantId = scopeOf(context);
  forbidIf(!ability.can("read", subject("AuditLog", { tenantId })), { code: "needs-role" });
  const input = Object.fromEntries(new URL(request.url).searchParams);
  const timeZone = context.site.kind === "tenant" ? context.site.tenant.timeZone : DEFAULT_TIME_ZONE;
  const lang = await getLocale(request, context.site);
  const result = await context.unit.run((tx) => listAudit({ tx, tenantId, input, timeZone, lang }));
  if (!result.ok) return data({ ok: false as const, errors: result.errors, input }, { status: 400 });
  return { ok: true as const, ...result.value, input };
}

export default function Audit() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const timeZone = useTimeZone();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "short", timeStyle: "medium", timeZone });
  const labels = { action: t("audit.action"), actor: t("audit.actor"), from: t("audit.from"), to: t("audit.to") };
  const page = d.ok ? d.filter.page : 1;
  const pageLink = (p: number) => `?${new URLSearchParams({ ...d.input, page: String(p) }).toString()}`;
  return (
    <>
      <h1>{t("audit.heading")}</h1>
      <p className="muted">{t("audit.intro")}</p>
      <ErrorSummary errors={d.ok ? null : d.errors} labels={labels} />
      <Form method="get" className="filters">
        <SelectField name="action" label={labels.action} defaultValue={d.input.action ?? ""} options={[{ value: "", label: t("audit.any") }, ...(d.ok ? d.actions : []).map((a) => ({ value: a, label: a }))]} />
        <TextField name="actor" label={labels.actor} defaultValue={d.input.actor} />
        <TextField name="from" type="date" label={labels.from} defaultValue={d.input.from} errors={d.ok ? null : d.errors} />
        <TextField name="to" type="date" label={labels.to} defaultValue={d.input.to} errors={d.ok ? null : d.errors} />
        <button type="submit" className="button">
          {t("audit.filter")}
        </button>
      </Form>
      {d.ok && d.rows.length === 0 ? <p>{t("audit.empty")}</p> : null}
      {d.ok && d.rows.length > 0 ? (
        <table className="data audit">
          <thead>
            <tr>
              <th scope="col">{t("audit.at")}</th>
              <th scope="col">{t("audit.actor")}</th>
              <th scope="col">{t("audit.action")}</th>
              <th scope="col">{t("audit.subject")}</th>
              <th scope="col">{t("audit.change")}</th>
              <th scope="col">{t("audit.ip")}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.id} data-action={r.action}>
                <td>{date.format(new Date(r.at))}</td>
                <td>{r.actorEmail ?? t("audit.system")}</td>
                <td>
                  <code>{r.action}</code>
                </td>
                <td>
                  {r.subject}
                  {r.subjectId ? <span className="muted"> {r.subjectId.slice(0, 8)}</span> : null}
                </td>
                <td>
                  {r.before || r.after ? (
                    <details>
                      <summary>{t("audit.change")}</summary>
                      {r.before ? (
                        <>
                          <p>{t("audit.before")}</p>
                          <pre>{JSON.stringify(r.before, null, 2)}</pre>
                        </>
                      ) : null}
                      {r.after ? (
                        <>
                          <p>{t("audit.after")}</p>
                          <pre>{JSON.stringify(r.after, null, 2)}</pre>
                        </>
                      ) : null}
                    </details>
                  ) : null}
                </td>
                <td>{r.ip ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <nav className="pager" aria-label={t("audit.heading")}>
        {page > 1 ? <Link to={pageLink(page - 1)}>{t("audit.newer")}</Link> : null}
        {d.ok && d.more ? <Link to={pageLink(page + 1)}>{t("audit.older")}</Link> : null}
      </nav>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
