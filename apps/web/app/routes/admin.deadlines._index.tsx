// /admin/deadlines: which agency owes which update and how punctual each has been (7 and 30 days), with
// what is overdue now; the lead unit also records here the events that start deadlines.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EVENT_KINDS } from "@cong/config";
import { complianceOverview, listAgencies, listSectionAccess, recordClockEvent } from "@cong/core";
import { localized } from "@cong/i18n";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { Lateness, useDateTime } from "~/components/admin/deadline-bits";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary, SelectField, TextField } from "~/components/form/fields";
import { LocalizedText } from "~/components/localized-text";
import { auditActor } from "~/utils/actor.server";
import { freshDeadlines, requireDeadlinesView, staleDeadlines } from "~/utils/deadlines.server";
import { readForm, text } from "~/utils/form.server";
import { getLocale } from "~/utils/locale.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const door = await requireDeadlinesView(request, context);
  await freshDeadlines(context, door.tenantId);
  const { tenantId, viewer, ability, rules } = door;
  const { rows, sections, agencies } = await context.unit.run(async (tx) => ({
    rows: await complianceOverview({ tx, tenantId }),
    sections: await listSectionAccess({ tx, tenantId, viewer, ability, rules: rules! }),
    agencies: await listAgencies({ tx, tenantId }),
  }));
  return { rows, sections: sections.map((s) => ({ slug: s.slug, names: s.names })), agencies: agencies.map((a) => ({ key: a.key, names: a.names })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const door = await requireDeadlinesView(request, context);
  const form = await readForm(request, context);
  const input = { kind: text(form, "kind"), at: text(form, "at"), section: text(form, "section"), agency: text(form, "agency"), note: text(form, "note") };
  const actor = auditActor(door.viewer, context);
  const lang = await getLocale(request, context.site);
  const result = await context.unit.run((tx) => recordClockEvent({ tx, tenantId: door.tenantId, actor, input, lang }));
  if (!result.ok) return data({ errors: result.errors, input }, { status: 400 });
  // The job's round and the next view must see the event: both wait for the commit.
  context.unit.afterCommit(async () => {
    staleDeadlines(door.tenantId);
    await context.services.jobs.nudgeDeadlines();
  });
  return redirect("?recorded=1");
}

export default function Deadlines() {
  const { t, i18n } = useTranslation();
  const { rows, sections, agencies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const when = useDateTime();
  const pct = (v: number | null) => (v === null ? t("deadlines.none") : `${Math.round(v * 100)}%`);
  const labels = { kind: t("deadlines.event.kind"), at: t("deadlines.event.at"), section: t("deadlines.event.section"), agency: t("deadlines.event.agency"), note: t("deadlines.event.note") };
  return (
    <>
      <h1>{t("deadlines.heading")}</h1>
      <p className="muted">{t("deadlines.intro")}</p>
      <p className="actions">
        <Link to="/admin/deadlines/report">{t("deadlines.report.nav")}</Link>
      </p>
      {rows.length === 0 ? (
        <p>{t("deadlines.empty")}</p>
      ) : (
        <table className="data" data-testid="compliance">
          <thead>
            <tr>
              <th scope="col">{t("deadlines.agency")}</th>
              <th scope="col">{t("deadlines.section")}</th>
              <th scope="col">{t("deadlines.nextDue")}</th>
              <th scope="col">{t("deadlines.onTime7")}</th>
              <th scope="col">{t("deadlines.onTime30")}</th>
              <th scope="col">{t("deadlines.overdue")}</th>
              <th scope="col">{t("deadlines.worstLate")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("deadlines.details")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.agencyId}/${r.sectionId}`} data-agency={r.agencyKey} data-section={r.sectionSlug} className={r.overdue > 0 ? "has-overdue" : undefined}>
                <th scope="row">
                  <LocalizedText value={r.agency} />
                </th>
                <td>
                  <LocalizedText value={r.section} />
                </td>
                <td>{when(r.nextDue)}</td>
                <td>{pct(r.onTime7)}</td>
                <td>{pct(r.onTime30)}</td>
                <td data-testid="overdue-count">{r.overdue}</td>
                <td>
                  <Lateness seconds={r.worstLateSeconds} />
                </td>
                <td>
                  <Link to={`/admin/deadlines/instances?agency=${r.agencyKey}&section=${r.sectionSlug}`}>{t("deadlines.details")}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section className="panel" aria-labelledby="record-event">
        <h2 id="record-event">{t("deadlines.event.heading")}</h2>
        <p className="muted">{t("deadlines.event.intro")}</p>
        {params.get("recorded") ? <p role="status">{t("deadlines.event.done")}</p> : null}
        <ErrorSummary errors={result?.errors} labels={labels} />
        <Form method="post" noValidate>
          <CsrfInput />
          <SelectField name="kind" label={labels.kind} defaultValue={result?.input.kind} options={EVENT_KINDS.map((k) => ({ value: k, label: t(`deadlines.explain.events.${k}`) }))} errors={result?.errors} />
          <TextField name="at" type="datetime-local" label={labels.at} defaultValue={result?.input.at} errors={result?.errors} />
          <SelectField name="section" label={labels.section} defaultValue={result?.input.section} options={sections.map((s) => ({ value: s.slug, label: localized(s.names, i18n.language).text }))} errors={result?.errors} />
          <SelectField
            name="agency"
            label={labels.agency}
            defaultValue={result?.input.agency}
            options={[{ value: "", label: t("deadlines.event.anyAgency") }, ...agencies.map((a) => ({ value: a.key, label: localized(a.names, i18n.language).text }))]}
            errors={result?.errors}
          />
          <TextField name="note" label={labels.note} defaultValue={result?.input.note} errors={result?.errors} />
          <button type="submit" className="button">
            {t("deadlines.event.submit")}
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
