// /admin/deadlines/<id>: how one deadline was computed — the rule and its basis, where counting started,
// the working days counted and the days skipped with the reason for each, the result — and how it went.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { explainInstance } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { Lateness, RuleText, StatusBadge, useDateTime } from "~/components/admin/deadline-bits";
import { LocalizedText } from "~/components/localized-text";
import { adminNotFound, uuidParam } from "~/utils/not-found.server";
import { requireAccess } from "~/utils/session.server";
import { forbidIf } from "~/utils/session.server";
import { requireDeadlinesView } from "~/utils/deadlines.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const access = await requireAccess(request, context);
  if (context.site.kind !== "tenant") adminNotFound();
  const tenantId = context.site.tenant.id;
  const id = uuidParam(params.id);
  const found = (await context.unit.run((tx) => explainInstance({ tx, tenantId, id }))) ?? adminNotFound();
  // An agency sees its own deadlines; the lead unit, admins, board and viewers see every agency's.
  if (!access.viewer.agencies.some((a) => a.id === found.agencyId)) {
    const door = await requireDeadlinesView(request, context).catch(() => null);
    forbidIf(!door, { code: "needs-role" });
  }
  return { found };
}

type Reason = { kind: string; key?: string; for?: string; forDate?: string; name?: unknown };

export default function ExplainDeadline() {
  const { t } = useTranslation();
  const { found } = useLoaderData<typeof loader>();
  const when = useDateTime();
  const x = found.explanation;
  const reason = (r: Reason) => {
    const holiday = r.key ?? r.for;
    const name = holiday ? t(`deadlines.explain.holidays.${holiday}`) : typeof r.name === "string" ? `: ${r.name}` : "";
    return t(`deadlines.explain.reasons.${r.kind}`, { name, date: r.forDate ?? "" });
  };
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/deadlines">{t("deadlines.heading")}</Link>
      </p>
      <h1>{t("deadlines.explain.heading")}</h1>
      <dl className="facts">
        <dt>{t("deadlines.agency")}</dt>
        <dd>
          <LocalizedText value={found.agency} />
        </dd>
        <dt>{t("deadlines.section")}</dt>
        <dd>
          <LocalizedText value={found.section} />
        </dd>
        <dt>{t("deadlines.explain.rule")}</dt>
        <dd data-testid="rule">
          <RuleText rule={x.rule} />
        </dd>
        <dt>{t("deadlines.explain.source")}</dt>
        <dd>{found.source}</dd>
        <dt>{t("deadlines.explain.start")}</dt>
        <dd>
          {x.start.date} {x.start.time} — {t(`deadlines.explain.startsFrom.${x.startsFrom}`)}
        </dd>
        <dt>{t("deadlines.explain.result")}</dt>
        <dd data-testid="due">
          {x.result.date} {x.result.time}
        </dd>
        {x.closes ? (
          <>
            <dt>{t("deadlines.explain.closes")}</dt>
            <dd>
              {x.closes.date} {x.closes.time}
            </dd>
          </>
        ) : null}
        <dt>{t("deadlines.instances.status")}</dt>
        <dd>
          <StatusBadge status={found.status} /> {found.fulfilledAt ? when(found.fulfilledAt) : null} <Lateness seconds={found.lateSeconds} />
        </dd>
      </dl>
      {x.month ? (
        <p>
          {t("deadlines.explain.month", { month: x.month.covered, date: x.month.dueDate })} {x.month.clamped ? t("deadlines.explain.clamped") : null}
        </p>
      ) : null}
      {x.workingDays ? (
        <>
          <h2>{t("deadlines.explain.counted", { count: x.workingDays.counted.length })}</h2>
          <p data-testid="counted">{x.workingDays.counted.join(", ")}</p>
          <h2>{t("deadlines.explain.skipped")}</h2>
          <ul data-testid="skipped">
            {x.workingDays.skipped.map((s) => (
              <li key={s.date}>
                {s.date}: {s.reasons.map((r) => reason(r as Reason)).join("; ")}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {!x.matchesInstance ? <p className="muted">{t("deadlines.explain.changed")}</p> : null}
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
