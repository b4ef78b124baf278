// /admin/figures: an agency's editor enters the figures of one time slot (issue 10) for the localities
// their agency answers for — a grid of localities × series — and saves them all at once; a refused cell
// refuses the whole grid, named in the summary and at the cell. ?date=&time= choose the slot (default:
// today's latest time passed); the grid starts from the figures already entered for it.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { enterFigures, getFigureGrid, type FigureCell } from "@cong/core";
import { requireFigureEntry } from "~/utils/figures.server";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { localized } from "@cong/i18n";
import { LocalizedText } from "~/components/localized-text";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary } from "~/components/form/fields";
import { auditActor } from "~/utils/actor.server";
import { staleDeadlines } from "~/utils/deadlines.server";
import { readForm, text } from "~/utils/form.server";
import { getLocale } from "~/utils/locale.server";

// A cell's field, as enterFigures names it in its errors (the component runs in the browser too, where
// @cong/core must not be bundled).
const cellField = (series: string, unit: string) => `v.${series}.${unit}`;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { tenant, ability, who } = await requireFigureEntry(request, context);
  const url = new URL(request.url);
  const grid = await context.unit.run((tx) =>
    getFigureGrid({ tx, tenantId: tenant.id, ability, who, timeZone: tenant.timeZone, date: url.searchParams.get("date") ?? undefined, time: url.searchParams.get("time") ?? undefined }),
  );
  return { grid };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { tenant, ability, who, viewer } = await requireFigureEntry(request, context);
  const form = await readForm(request, context);
  const cells: FigureCell[] = [];
  const input: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    const m = /^v\.([a-z0-9-]+)\.([0-9a-z-]+)$/.exec(name);
    if (!m || typeof value !== "string") continue;
    cells.push({ series: m[1]!, unit: m[2]!, value });
    input[name] = value;
  }
  const date = text(form, "date");
  const time = text(form, "time");
  const lang = await getLocale(request, context.site);
  const result = await context.unit.run((tx) =>
    enterFigures({ tx, tenantId: tenant.id, ability, actor: auditActor(viewer, context), who, timeZone: tenant.timeZone, input: { date, time, cells }, lang }),
  );
  if (!result.ok) {
    // A series or a locality this person does not answer for: the admin's 403 page, nothing saved.
    if ("forbidden" in result) throw data({ reason: "forbidden" as const, code: "figures-unit" }, { status: 403 });
    return data({ errors: result.errors, input }, { status: 400 });
  }
  // Each entry is an update for the deadline engine: its round and the next view see it once committed.
  context.unit.afterCommit(async () => {
    staleDeadlines(tenant.id);
    await context.services.jobs.nudgeDeadlines();
  });
  return redirect(`/admin/figures?date=${date}&time=${encodeURIComponent(time)}&saved=${result.value.changed}`);
}

export default function Figures() {
  const { t, i18n } = useTranslation();
  const { grid } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  const entered = (series: string, unit: string) => result?.input?.[cellField(series, unit)] ?? grid.values[`${series}|${unit}`] ?? "";
  const labels: Record<string, string> = { date: t("figures.date"), time: t("figures.time") };
  const rowName = (r: { name: string; province: boolean }) => (r.province ? t("figures.province") : r.name);
  for (const s of grid.series) for (const r of grid.rows) labels[cellField(s.key, r.code)] = t("figures.cell", { series: localized(s.names, i18n.language).text, unit: rowName(r) });
  return (
    <>
      <h1>{t("figures.heading")}</h1>
      <p className="muted">{t("figures.intro")}</p>
      <p><a href="/admin/figures/import">{t("figures.import.link")}</a></p>
      {saved !== null ? <p role="status">{Number(saved) > 0 ? t("figures.saved", { count: Number(saved) }) : t("figures.unchanged")}</p> : null}
      {grid.series.length === 0 ? (
        <p>{t("figures.none")}</p>
      ) : (
        <>
          <Form method="get" className="inline-form">
            <label>
              {t("figures.date")} <input type="date" name="date" defaultValue={grid.date} required />
            </label>{" "}
            <label>
              {t("figures.time")}{" "}
              <select name="time" defaultValue={grid.time}>
                {grid.times.map((time) => (
                  <option key={time} value={time}>
                    {time}
                  </option>
                ))}
              </select>
            </label>{" "}
            <button type="submit" className="button secondary">
              {t("figures.show")}
            </button>
          </Form>
          <ErrorSummary errors={result?.errors} labels={labels} />
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="date" value={grid.date} />
            <input type="hidden" name="time" value={grid.time} />
            <div className="table-scroll" tabIndex={0} role="region" aria-label={t("figures.heading")}>
              <table className="data figures-grid" data-testid="figures-grid">
                <caption>
                  {grid.date} {grid.time}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("figures.unit")}</th>
                    {grid.series.map((s) => (
                      <th scope="col" key={s.key}>
                        <LocalizedText value={s.names} />
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {grid.rows.map((r) => (
                    <tr key={r.code}>
                      <th scope="row">{rowName(r)}</th>
                      {grid.series.map((s) => {
                        const name = cellField(s.key, r.code);
                        const open = s.rows.includes(r.code) && s.times.includes(grid.time);
                        const errors = result?.errors?.[name];
                        return (
                          <td key={s.key}>
                            {open ? (
                              <input
                                id={`f-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`}
                                name={name}
                                type="text"
                                inputMode="numeric"
                                autoComplete="off"
                                size={7}
                                maxLength={17}
                                defaultValue={entered(s.key, r.code)}
                                aria-label={labels[name]}
                                aria-invalid={errors ? true : undefined}
                              />
                            ) : (
                              <span aria-hidden="true">—</span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <button type="submit" className="button">
              {t("figures.save")}
            </button>
          </Form>
        </>
      )}
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
