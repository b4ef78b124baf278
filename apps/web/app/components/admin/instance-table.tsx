// A list of due instances: when due, by whom, the outcome and lateness, and how each was computed.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { InstanceRow } from "@cong/core";
import { Lateness, RuleText, StatusBadge, useDateTime } from "~/components/admin/deadline-bits";
import { LocalizedText } from "~/components/localized-text";

export function InstanceTable({ rows, showAgency = true }: { rows: InstanceRow[]; showAgency?: boolean }) {
  const { t } = useTranslation();
  const when = useDateTime();
  if (rows.length === 0) return <p>{t("deadlines.empty")}</p>;
  return (
    <table className="data" data-testid="instances">
      <thead>
        <tr>
          <th scope="col">{t("deadlines.instances.due")}</th>
          {showAgency ? <th scope="col">{t("deadlines.agency")}</th> : null}
          <th scope="col">{t("deadlines.section")}</th>
          <th scope="col">{t("deadlines.explain.rule")}</th>
          <th scope="col">{t("deadlines.instances.status")}</th>
          <th scope="col">{t("deadlines.instances.fulfilledAt")}</th>
          <th scope="col">{t("deadlines.instances.lateness")}</th>
          <th scope="col">
            <span className="visually-hidden">{t("deadlines.instances.why")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-status={r.status}>
            <td>{when(r.dueAt)}</td>
            {showAgency ? (
              <td>
                <LocalizedText value={r.agency} />
              </td>
            ) : null}
            <td>
              <LocalizedText value={r.section} />
            </td>
            <td>
              <RuleText rule={r.rule} /> <span className="muted">({r.source})</span>
            </td>
            <td>
              <StatusBadge status={r.status} />
            </td>
            <td>{when(r.fulfilledAt)}</td>
            <td>
              <Lateness seconds={r.lateSeconds} />
            </td>
            <td>
              <Link to={`/admin/deadlines/${r.id}`}>{t("deadlines.instances.why")}</Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
