// The report of a refused import (figures, places): the file's own problem, then each bad row's line,
// column and reason as a table (the first ones shown, the rest counted).
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/form/fields";

export type ImportRefusal = { errors: Record<string, string[]>; rows: { row: number; column: string; reason: string; values?: Record<string, string | number> }[]; problems: number; total: number };

export function ImportReport({ result }: { result: ImportRefusal | undefined }) {
  const { t } = useTranslation();
  if (!result) return null;
  return (
    <>
      <ErrorSummary errors={result.errors} labels={{ file: t("figures.import.file") }} />
      {result.rows.length > 0 ? (
        <section aria-labelledby="import-report">
          <h2 id="import-report">{t("figures.import.reportHeading")}</h2>
          <p>{t("figures.import.reportCount", { count: result.problems, total: result.total })}</p>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="import-report">
            <table className="data" data-testid="import-report">
              <thead>
                <tr>
                  <th scope="col">{t("figures.import.row")}</th>
                  <th scope="col">{t("figures.import.column")}</th>
                  <th scope="col">{t("figures.import.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((p, i) => (
                  <tr key={i} data-row={p.row}>
                    <td>{p.row}</td>
                    <td>{p.column}</td>
                    <td>{t(p.reason, p.values ?? {})}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.problems > result.rows.length ? <p>{t("figures.import.more", { count: result.problems - result.rows.length })}</p> : null}
        </section>
      ) : null}
    </>
  );
}
