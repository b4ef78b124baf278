// Places as a table (the staff's registry and the public section pages, issue 10) and the GET form that
// filters them by kind, locality and status: a plain form, so it works without JavaScript; every control
// labelled, the table with a caption and column and row headers.
import type { Localized } from "@cong/config";
import type { PlaceRow } from "@cong/core";
import { localized } from "@cong/i18n";
import { useTranslation } from "react-i18next";
import { LocalizedText } from "~/components/localized-text";

type Kind = { kind: string; names: Localized | null };
type Filter = { kind?: string | null; unit?: string | null; status?: string | null };

export function KindName({ kind, names }: Kind) {
  const { t } = useTranslation();
  return names ? <LocalizedText value={names} /> : <>{t(`places.kinds.${kind}`)}</>;
}

export function PlaceFilter({ action, kinds, units, input, errors }: { action: string; kinds: Kind[]; units: { code: string; name: string }[]; input: Filter; errors?: Record<string, string[]> | null }) {
  const { t, i18n } = useTranslation();
  const kindLabel = (k: Kind) => (k.names ? localized(k.names, i18n.language).text : t(`places.kinds.${k.kind}`));
  return (
    <form method="get" action={action} className="inline-form place-filter" aria-labelledby="place-filter-heading">
      <h2 id="place-filter-heading" className="visually-hidden">
        {t("places.filter.heading")}
      </h2>
      {errors ? (
        <div className="error-summary" role="alert">
          <p>
            <strong>{t("places.filter.failed")}</strong>
          </p>
          <ul>
            {Object.entries(errors).map(([field, keys]) => (
              <li key={field}>
                {t(`places.filter.${field}`, { defaultValue: field })}: {keys.map((k) => t(k)).join(" ")}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {kinds.length > 1 ? (
        <label>
          {t("places.filter.kind")}{" "}
          <select name="kind" defaultValue={input.kind ?? ""}>
            <option value="">{t("places.filter.any")}</option>
            {kinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </label>
      ) : null}{" "}
      <label>
        {t("places.filter.unit")}{" "}
        <select name="unit" defaultValue={input.unit ?? ""}>
          <option value="">{t("places.filter.any")}</option>
          {units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </select>
      </label>{" "}
      <label>
        {t("places.filter.status")}{" "}
        <select name="status" defaultValue={input.status ?? ""}>
          <option value="">{t("places.filter.any")}</option>
          <option value="open">{t("places.status.open")}</option>
          <option value="closed">{t("places.status.closed")}</option>
        </select>
      </label>{" "}
      <button type="submit" className="button secondary">
        {t("places.filter.apply")}
      </button>
    </form>
  );
}

export function PlaceTable({ places, caption, editHref, timeZone }: { places: PlaceRow[]; caption: string; editHref?: (p: PlaceRow) => string | null; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "short", timeStyle: "short", timeZone });
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="data places" data-testid="places">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("places.field.name")}</th>
            <th scope="col">{t("places.field.kind")}</th>
            <th scope="col">{t("places.field.address")}</th>
            <th scope="col">{t("places.field.status")}</th>
            <th scope="col">
              {t("places.field.occupancy")} / {t("places.field.capacity")}
            </th>
            <th scope="col">{t("places.field.phone")}</th>
            <th scope="col">{t("places.field.agency")}</th>
            <th scope="col">{t("places.field.updatedAt")}</th>
          </tr>
        </thead>
        <tbody>
          {places.map((p) => {
            const href = editHref?.(p) ?? null;
            return (
              <tr key={p.id} data-place={p.id}>
                <th scope="row">
                  {href ? <a href={href}><LocalizedText value={p.names} /></a> : <LocalizedText value={p.names} />}
                  {p.demo ? <span className="muted"> ({t("places.demo")})</span> : null}
                </th>
                <td>
                  <KindName kind={p.kind} names={p.kindNames} />
                </td>
                <td>{[p.address, p.address?.includes(p.unitName ?? "\u0000") ? null : p.unitName].filter(Boolean).join(" – ")}</td>
                <td>
                  {t(`places.status.${p.status}`)}
                  {p.note ? <span className="muted"> – {p.note}</span> : null}
                </td>
                <td>{p.capacity !== null || p.occupancy !== null ? t("places.public.occupancy", { occupancy: p.occupancy ?? "–", capacity: p.capacity ?? "–" }) : "–"}</td>
                <td>{p.phone ? <a href={`tel:${p.phone.replace(/[^0-9+]/g, "")}`}>{p.phone}</a> : "–"}</td>
                <td>{p.agency ? <LocalizedText value={p.agency} /> : "–"}</td>
                <td>
                  <time dateTime={p.updatedAt}>{date.format(new Date(p.updatedAt))}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
