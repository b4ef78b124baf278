// A map section's body (issue 10, docs/decisions/0013): the series select (a plain GET form), the legend
// and the table of figures by locality are server HTML, complete without JavaScript; the map itself is
// an island: a container whose data attributes carry its configuration, and one small module script
// that loads maplibre-gl on this page only.
import { useTranslation } from "react-i18next";
import type { MapFigures, MapPicture as Picture } from "@cong/core";
import { localized } from "@cong/i18n";
import mapboxStyles from "mapbox-gl/dist/mapbox-gl.css?url";
import mapStyles from "maplibre-gl/dist/maplibre-gl.css?url";
import islandUrl from "~/islands/map-island.ts?worker&url";
import type { MapIslandConfig } from "~/islands/map-config";
import { MapPicture } from "./map-picture";
import { formatDateTime } from "~/utils/public-format";

/** kinds: the place kinds the page lists (their names label the map's layers and popups). */
export function SectionMap({ map, path, locale, timeZone, kinds = [] }: { map: MapFigures & { picture: Picture | null }; path: string; locale: string; timeZone: string; kinds?: { kind: string; names: Parameters<typeof localized>[0] | null }[] }) {
  const { t, i18n } = useTranslation();
  const text = (value: Parameters<typeof localized>[0]) => localized(value, i18n.language).text;
  const number = new Intl.NumberFormat(locale);
  const { selected, classes, settings } = map;
  const seriesName = selected ? text(selected.names) : "";
  const classLabel = (c: { min: number; max: number }) =>
    selected?.measure === "level" ? t("map.level", { value: c.min }) : c.min === c.max ? t("map.single", { value: number.format(c.min) }) : t("map.range", { min: number.format(c.min), max: number.format(c.max) });
  const kindNames: Record<string, string> = Object.fromEntries(kinds.map((k) => [k.kind, k.names ? text(k.names) : t(`places.kinds.${k.kind}`)]));
  const valueText = (value: number | null) => (value === null ? t("map.noData") : number.format(value));
  const picture = map.picture;
  const config: MapIslandConfig = {
    locale,
    style: settings?.style ?? null,
    accessToken: settings?.accessToken ?? null,
    tiles: settings?.tiles ? { url: settings.tiles.url, attribution: text(settings.tiles.attribution), tileSize: settings.tiles.tileSize, maxZoom: settings.tiles.maxZoom } : null,
    attribution: settings?.attribution ? text(settings.attribution) : null,
    boundariesAttribution: map.hasBoundaries ? t("map.boundariesCredit") : null,
    bounds: settings?.bounds ?? null,
    center: settings?.center ?? null,
    zoom: settings?.zoom ?? null,
    // The library's stylesheet is linked by the island when it starts: the page's first paint (the
    // server's picture) waits for no stylesheet that only the interactive map uses.
    stylesheet: settings?.accessToken ? mapboxStyles : mapStyles,
    boundariesUrl: "/api/v1/boundaries",
    placesUrl: "/api/v1/places",
    seriesName,
    units: map.units.map((u) => ({ code: u.code, value: u.value, cls: u.cls })),
    classes: classes.map((c) => ({ color: c.color })),
    noDataColor: map.noDataColor,
    kindNames,
    kindColors: map.picture?.kindColors ?? {},
    labels: {
      canvas: t("map.canvas"),
      places: t("map.places"),
      noData: t("map.noData"),
      kind: t("map.kind"),
      status: t("map.status"),
      capacity: t("map.capacity"),
      address: t("map.address"),
      unit: t("map.unit"),
      phone: t("map.phone"),
      name: t("map.name"),
    },
  };
  return (
    <section className="section-map" aria-labelledby="map-heading">
      <h2 id="map-heading">{t("map.heading")}</h2>
      {map.series.length > 0 && selected ? (
        <form method="get" action={path} className="map-series">
          <label htmlFor="map-series">{t("map.series")}</label>{" "}
          <select id="map-series" name="series" defaultValue={selected.key}>
            {map.series.map((s) => (
              <option key={s.key} value={s.key}>
                {text(s.names)}
              </option>
            ))}
          </select>{" "}
          <button type="submit">{t("map.show")}</button>
        </form>
      ) : (
        <p className="empty">{t("map.noSeries")}</p>
      )}
      {selected?.slot ? <p className="muted">{t("map.asOf", { time: formatDateTime(selected.slot, locale, timeZone) })}</p> : null}
      {selected?.demo ? (
        <p className="notice" role="note">
          {t("figures.public.demo")}
        </p>
      ) : null}
      {map.hasBoundaries ? null : <p className="notice">{t("map.noBoundaries")}</p>}
      <div className="map-island" data-island="map" data-map-state="static" data-describedby="map-legend" data-config={JSON.stringify(config)}>
        <div className={picture ? "map-frame" : "map-frame map-frame-empty"}>
          <div className="map-canvas" />
          {picture ? (
            <MapPicture
              picture={picture}
              title={selected ? t("map.picture", { series: seriesName }) : t("map.pictureNoSeries")}
              unitTitles={Object.fromEntries(map.units.map((u) => [u.code, t("map.unitValue", { name: u.name, value: selected ? valueText(u.value) : t("map.noData") })]))}
            />
          ) : null}
        </div>
        <noscript>
          <p className="muted">{t(picture ? "map.noScript" : "map.needsScript")}</p>
        </noscript>
        <div className="map-extras">
          {classes.length > 0 ? (
            <div className="map-legend" id="map-legend">
              <h3>
                {t("map.legend")}: {seriesName}
              </h3>
              <ul>
                {classes.map((c, i) => (
                  <li key={i}>
                    <span className="map-swatch" style={{ background: c.color }} aria-hidden="true" /> {classLabel(c)}
                  </li>
                ))}
                <li>
                  <span className="map-swatch map-swatch-none" style={{ background: map.noDataColor }} aria-hidden="true" /> {t("map.noData")}
                </li>
              </ul>
            </div>
          ) : null}
          {picture && picture.kinds.length > 0 ? (
            <div className="map-places map-places-static">
              <h3>{t("map.places")}</h3>
              <ul>
                {picture.kinds.map((k) => (
                  <li key={k.kind}>
                    <span className="map-swatch map-swatch-round" style={{ background: k.color }} aria-hidden="true" /> {`${kindNames[k.kind] ?? t(`places.kinds.${k.kind}`)} (${number.format(k.count)})`}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      </div>
      {selected && map.units.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="map-table-caption">
          <table className="data map-table">
            <caption id="map-table-caption">{t("map.tableCaption", { series: seriesName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("map.unit")}</th>
                <th scope="col">{seriesName}</th>
                <th scope="col">{t("map.legend")}</th>
              </tr>
            </thead>
            <tbody>
              {map.units.map((u) => (
                <tr key={u.code} data-unit={u.code}>
                  <th scope="row">
                    {u.name}
                    {u.outline || !map.hasBoundaries ? null : <span className="muted"> ({t("map.noOutline")})</span>}
                  </th>
                  <td className="number">{valueText(u.value)}</td>
                  <td>
                    <span className="map-swatch" style={{ background: u.cls >= 0 ? classes[u.cls]!.color : map.noDataColor }} aria-hidden="true" /> {u.cls >= 0 ? classLabel(classes[u.cls]!) : t("map.noData")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <script type="module" src={islandUrl} />
    </section>
  );
}
