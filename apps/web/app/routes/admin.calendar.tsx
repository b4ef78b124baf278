// /admin/calendar: the province's own working calendar — extra days off and swapped working days — on
// top of the national holidays, for every working-day deadline.
import { data, redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { addTenantDay, listTenantDays, removeTenantDay } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary, SelectField, TextField } from "~/components/form/fields";
import { auditActor } from "~/utils/actor.server";
import { readForm, text } from "~/utils/form.server";
import { getLocale } from "~/utils/locale.server";
import { staleDeadlines } from "~/utils/deadlines.server";
import { requireTenantAdmin } from "~/utils/session.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { tenantId } = await requireTenantAdmin(request, context);
  return { days: await context.unit.run((tx) => listTenantDays({ tx, tenantId })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { tenantId, viewer } = await requireTenantAdmin(request, context);
  const form = await readForm(request, context);
  const actor = auditActor(viewer, context);
  if (text(form, "intent") === "remove") {
    const id = text(form, "id");
    const removed = await context.unit.run((tx) => removeTenantDay({ tx, tenantId, id, actor }));
    if (!removed.ok) return data({ errors: removed.errors, input: null }, { status: 400 });
    recomputeAfterCommit(context, tenantId);
    return redirect("?done=removed");
  }
  const input = { date: text(form, "date"), kind: text(form, "kind"), name: text(form, "name") };
  const lang = await getLocale(request, context.site);
  const added = await context.unit.run((tx) => addTenantDay({ tx, tenantId, input, actor, lang }));
  if (!added.ok) return data({ errors: added.errors, input }, { status: 400 });
  recomputeAfterCommit(context, tenantId);
  return redirect("?done=added");
}

/** A day off moves open deadlines: the job's round and the next view recompute once the change is committed. */
function recomputeAfterCommit(context: AppLoadContext, tenantId: string) {
  context.unit.afterCommit(async () => {
    staleDeadlines(tenantId);
    await context.services.jobs.nudgeDeadlines();
  });
}

export default function Calendar() {
  const { t } = useTranslation();
  const { days } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const labels = { date: t("deadlines.calendar.date"), kind: t("deadlines.calendar.kind"), name: t("deadlines.calendar.name") };
  return (
    <>
      <h1>{t("deadlines.calendar.heading")}</h1>
      <p className="muted">{t("deadlines.calendar.intro")}</p>
      {done ? <p role="status">{t(done === "added" ? "deadlines.calendar.added" : "deadlines.calendar.removed")}</p> : null}
      {days.length === 0 ? (
        <p>{t("deadlines.calendar.empty")}</p>
      ) : (
        <table className="data" data-testid="calendar">
          <thead>
            <tr>
              <th scope="col">{labels.date}</th>
              <th scope="col">{labels.kind}</th>
              <th scope="col">{labels.name}</th>
              <th scope="col">
                <span className="visually-hidden">{t("deadlines.calendar.remove")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.id} data-date={d.date}>
                <td>{d.date}</td>
                <td>{t(`deadlines.calendar.kinds.${d.kind}`)}</td>
                <td>{d.name}</td>
                <td>
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="id" value={d.id} />
                    <button type="submit" className="link-button">
                      {t("deadlines.calendar.remove")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section className="panel">
        <ErrorSummary errors={result?.errors} labels={labels} />
        <Form method="post" noValidate>
          <CsrfInput />
          <TextField name="date" type="date" label={labels.date} defaultValue={result?.input?.date} errors={result?.errors} />
          <SelectField
            name="kind"
            label={labels.kind}
            defaultValue={result?.input?.kind}
            options={["day-off", "working-day"].map((k) => ({ value: k, label: t(`deadlines.calendar.kinds.${k}`) }))}
            errors={result?.errors}
          />
          <TextField name="name" label={labels.name} defaultValue={result?.input?.name} errors={result?.errors} />
          <button type="submit" className="button">
            {t("deadlines.calendar.add")}
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
