// What an admin page shows when it refuses: 403 with the reason (and, for a section, the agencies the
// matrix gives it to), an expired form, or 404. Every admin route exports this as its ErrorBoundary so
// the admin frame stays around it.
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Localized } from "@cong/config";
import { LocalizedText } from "~/components/localized-text";
import { badRequestKey, badRequestValues } from "~/utils/bad-request";

type Owner = { names: Localized; role: string };
type Refusal = { reason?: string; code?: string; needs?: string; work?: string; owners?: Owner[]; section?: Localized; field?: string; limit?: number };

export function AdminErrorBoundary() {
  const error = useRouteError();
  const { t, i18n } = useTranslation();
  if (isRouteErrorResponse(error) && (error.data as Refusal | null)?.reason === "bad-request") {
    const d = error.data as Refusal;
    return (
      <section className="refusal" data-status={error.status}>
        <p className="notice-code" aria-hidden="true">
          {error.status}
        </p>
        <h1>{t("request.heading")}</h1>
        <p role="alert">{t(badRequestKey(d.code), badRequestValues(d, i18n.language))}</p>
        <p>{t("request.back")}</p>
      </section>
    );
  }
  if (isRouteErrorResponse(error) && (error.status === 403 || error.status === 404)) {
    const d = (error.data ?? {}) as Refusal;
    if (error.status === 404)
      return (
        <section className="refusal" data-status="404">
          <h1>{t("notFound.heading")}</h1>
          <p>{t("notFound.unknownPage")}</p>
        </section>
      );
    return (
      <section className="refusal" data-status="403">
        <p className="notice-code" aria-hidden="true">
          403
        </p>
        <h1>{d.reason === "csrf" ? t("errors.csrf") : t("admin.forbidden.heading")}</h1>
        {d.section ? (
          <p>
            {t("admin.forbidden.section")} <strong>{<LocalizedText value={d.section} />}</strong>
          </p>
        ) : null}
        {d.code ? <p className="refusal-reason">{t(`admin.forbidden.reasons.${d.code}`, { role: d.needs ? t(`users.roles.${d.needs}`) : "" })}</p> : null}
        {d.owners && d.owners.length > 0 ? (
          <>
            <p>{t(d.work === "answer" ? "admin.forbidden.answeredBy" : "admin.forbidden.ownedBy")}</p>
            <ul className="owners">
              {d.owners.map((o, i) => (
                <li key={i}>
                  <LocalizedText value={o.names} /> — {t(`config.dutyRoles.${o.role}`)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p>
          <a href="/admin">{t("admin.backToDashboard")}</a>
        </p>
      </section>
    );
  }
  return (
    <section className="refusal" data-status="500">
      <h1>{t("error.heading")}</h1>
      <p>{t("error.message")}</p>
    </section>
  );
}
