// A province's staff member's home: their roles and agencies, the sections they edit or answer, and the
// sections closed to them with the reason and the agencies that do own them.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { InstanceRow, SectionAccess, ViewerAgency } from "@cong/core";
import { InstanceTable } from "~/components/admin/instance-table";
import { LocalizedText } from "~/components/localized-text";

/** seesAll: the viewer's ability lets them watch every section (decided on the server). */
type Props = { viewer: { name: string; roles: string[]; agencies: ViewerAgency[] }; seesAll: boolean; sections: SectionAccess[]; due: { today: InstanceRow[]; overdue: InstanceRow[] } };

export function StaffDashboard({ viewer, seesAll, sections, due }: Props) {
  const { t } = useTranslation();
  const mine = sections.filter((s) => s.canEdit || s.canAnswer);
  const closed = sections.filter((s) => s.closed);
  return (
    <>
      <h1>{t("admin.dashboard.heading", { name: viewer.name })}</h1>
      <dl className="facts">
        <dt>{t("admin.dashboard.roles")}</dt>
        <dd>{viewer.roles.map((r) => t(`users.roles.${r}`)).join(", ")}</dd>
        <dt>{t("admin.dashboard.agencies")}</dt>
        <dd>
          {viewer.agencies.length === 0
            ? t("admin.dashboard.noAgency")
            : viewer.agencies.map((a, i) => (
                <span key={a.id}>
                  {i > 0 ? "; " : ""}
                  <LocalizedText value={a.names} />
                </span>
              ))}
        </dd>
      </dl>

      {viewer.agencies.length > 0 ? (
        <section aria-labelledby="due" data-testid="my-due">
          <h2 id="due">{t("deadlines.mine.heading")}</h2>
          <h3>{t("deadlines.mine.overdue")}</h3>
          {due.overdue.length === 0 ? <p>{t("deadlines.mine.nothingOverdue")}</p> : <InstanceTable rows={due.overdue} />}
          <h3>{t("deadlines.mine.today")}</h3>
          {due.today.length === 0 ? <p>{t("deadlines.mine.nothingToday")}</p> : <InstanceTable rows={due.today} />}
        </section>
      ) : null}

      <section aria-labelledby="mine">
        <h2 id="mine">{t("admin.dashboard.mySections")}</h2>
        {mine.length === 0 ? (
          <p>{t("admin.dashboard.noSections")}</p>
        ) : (
          <ul className="section-list" data-testid="my-sections">
            {mine.map((s) => (
              <li key={s.id}>
                <Link to={`/admin/sections/${s.slug}`}>
                  <LocalizedText value={s.names} />
                </Link>{" "}
                <span className="muted">({[s.canEdit ? t("admin.dashboard.canEdit") : null, s.canAnswer ? t("admin.dashboard.canAnswer") : null].filter(Boolean).join(", ")})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {closed.length > 0 ? (
        <section aria-labelledby="closed">
          <h2 id="closed">{t("admin.dashboard.closedSections")}</h2>
          <p className="muted">{t("admin.dashboard.closedIntro")}</p>
          <ul className="section-list closed" data-testid="closed-sections">
            {closed.map((s) => (
              <li key={s.id}>
                <LocalizedText value={s.names} />
                {" — "}
                <span>{t(`admin.forbidden.reasons.${s.closed!.code}`, { role: "needs" in s.closed! ? t(`users.roles.${s.closed!.needs}`) : "" })}</span>
                {s.owners.length > 0 ? (
                  <span className="muted">
                    {" "}
                    {t("admin.dashboard.ownedBy")}{" "}
                    {s.owners.map((o, i) => (
                      <span key={i}>
                        {i > 0 ? "; " : ""}
                        <LocalizedText value={o.names} /> ({t(`config.dutyRoles.${o.role}`)})
                      </span>
                    ))}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {seesAll ? (
        <section aria-labelledby="all">
          <h2 id="all">{t("admin.dashboard.allSections")}</h2>
          <p>
            <Link to="/admin/sections">{t("admin.dashboard.openCatalogue")}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
