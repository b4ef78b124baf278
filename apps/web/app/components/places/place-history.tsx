// A place's status history (issue 10), newest first, as a table with column headers.
import type { PlaceDetail } from "@cong/core";
import { useTranslation } from "react-i18next";

export function PlaceHistory({ history, timeZone }: { history: PlaceDetail["history"]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "short", timeStyle: "short", timeZone });
  return (
    <section aria-labelledby="place-history">
      <h2 id="place-history">{t("places.history.heading")}</h2>
      {history.length === 0 ? (
        <p>{t("places.history.empty")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="place-history">
          <table className="data" data-testid="place-history">
            <thead>
              <tr>
                <th scope="col">{t("places.history.at")}</th>
                <th scope="col">{t("places.field.status")}</th>
                <th scope="col">{t("places.field.capacity")}</th>
                <th scope="col">{t("places.field.occupancy")}</th>
                <th scope="col">{t("places.field.note")}</th>
                <th scope="col">{t("places.history.by")}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h, i) => (
                <tr key={i}>
                  <td>
                    <time dateTime={h.at}>{date.format(new Date(h.at))}</time>
                  </td>
                  <td>{t(`places.status.${h.status}`)}</td>
                  <td>{h.capacity ?? "–"}</td>
                  <td>{h.occupancy ?? "–"}</td>
                  <td>{h.note ?? "–"}</td>
                  <td>{h.actorEmail ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
