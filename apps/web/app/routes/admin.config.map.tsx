// /admin/config/map: the pack's map block as a form (issue 10, docs/decisions/0013): the series the map
// opens on, the bounds it opens on, and its basemap (none: the outlines on a plain background, which
// works offline; a style URL, with a Mapbox token if the style is Mapbox's; or raster tiles with their
// credit). The boundaries file is shown, not edited: outlines come from a file with their licence.
// A save changes the province's map pages at once (and the origins their CSP allows).
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { basemapOf, BASEMAPS, editMap, getTenantConfig } from "@cong/core";
import { localized } from "@cong/i18n";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { ConfigNav, errorLabels, LocalizedFields, read, SavedNotice } from "~/components/admin/config/config-form";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary, SelectField, TextField, type FieldErrors } from "~/components/form/fields";
import { requireTenantAdmin } from "~/utils/session.server";
import { readConfigForm } from "~/utils/config-form.server";

const MAP_FORM_KEYS = ["figure", "bounds", "basemap", "style", "accessToken", "attribution", "tiles"] as const;
const SIDES = ["west", "south", "east", "north"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { tenantId } = await requireTenantAdmin(request, context);
  const config = await context.unit.run((tx) => getTenantConfig({ tx, tenantId }));
  if (!config) throw data({ reason: "not-found" }, { status: 404 });
  const { pack } = config;
  const map = pack.map;
  return {
    values: {
      figure: map?.figure ?? "",
      bounds: map?.bounds ? map.bounds.map(String) : ["", "", "", ""],
      basemap: basemapOf(map),
      style: map?.style ?? "",
      accessToken: map?.accessToken ?? "",
      attribution: map?.attribution ?? {},
      tiles: { url: map?.tiles?.url ?? "", attribution: map?.tiles?.attribution ?? {}, tileSize: String(map?.tiles?.tileSize ?? 256), maxZoom: String(map?.tiles?.maxZoom ?? 18) },
    },
    // The choropleth needs figures by locality: series entered for the province only are not offered.
    series: pack.figures.filter((f) => f.level).map((f) => ({ value: f.key, names: f.names })),
    boundaries: map?.boundaries ?? null,
    center: map?.center ? { center: map.center.join(", "), zoom: map.zoom ?? null } : null,
    basemaps: BASEMAPS,
    offered: pack.locales.offered,
    version: config.version,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireTenantAdmin(request, context);
  const { input, save } = await readConfigForm(request, context, admin);
  const result = await save("config.map.update", (pack) => editMap(pack, input));
  if (!result.ok) return data({ errors: result.errors, input, count: null }, { status: 400 });
  return { errors: null, input: null, count: result.value.changes.length };
}

function labels(t: (key: string) => string): Record<string, string> {
  return {
    figure: t("config.map.figure"),
    bounds: t("config.map.bounds"),
    ...Object.fromEntries(SIDES.map((side, i) => [`bounds[${i}]`, t(`config.map.${side}`)])),
    basemap: t("config.map.basemap"),
    style: t("config.map.style"),
    accessToken: t("config.map.accessToken"),
    "tiles.url": t("config.map.tilesUrl"),
    "tiles.tileSize": t("config.map.tileSize"),
    "tiles.maxZoom": t("config.map.maxZoom"),
  };
}

export default function ConfigMap() {
  const { t, i18n } = useTranslation();
  const { values: stored, series, boundaries, center, basemaps, offered, version } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.input ?? stored;
  const errors: FieldErrors | null | undefined = result?.errors;
  return (
    <>
      <h1>{t("config.map.heading")}</h1>
      <ConfigNav />
      <SavedNotice count={result?.count} />
      <p className="muted">{t("config.map.intro")}</p>
      <section className="panel">
        <ErrorSummary errors={errors} labels={errorLabels(errors, MAP_FORM_KEYS, t, labels(t))} />
        <Form method="post" noValidate key={version}>
          <CsrfInput />
          <input type="hidden" name="version" value={version} />
          <SelectField
            name="figure"
            label={t("config.map.figure")}
            hint={t("config.map.figureHint")}
            defaultValue={read(values, "figure")}
            options={[{ value: "", label: t("config.map.firstSeries") }, ...series.map((s) => ({ value: s.value, label: `${localized(s.names, i18n.language).text} (${s.value})` }))]}
            errors={errors}
          />
          <fieldset className="field">
            <legend>{t("config.map.bounds")}</legend>
            <p className="field-hint">{t("config.map.boundsHint")}</p>
            {SIDES.map((side, i) => (
              <TextField key={side} name={`bounds[${i}]`} label={t(`config.map.${side}`)} defaultValue={read(values, `bounds[${i}]`)} errors={errors} />
            ))}
            {center ? <p className="muted">{t("config.map.centerKept", { center: center.center, zoom: center.zoom ?? "—" })}</p> : null}
          </fieldset>
          <SelectField
            name="basemap"
            label={t("config.map.basemap")}
            hint={t("config.map.basemapHint")}
            defaultValue={read(values, "basemap")}
            options={basemaps.map((b) => ({ value: b, label: t(`config.map.basemaps.${b}`) }))}
            errors={errors}
          />
          <fieldset className="field">
            <legend>{t("config.map.styleHeading")}</legend>
            <TextField name="style" type="url" label={t("config.map.style")} hint={t("config.map.styleHint")} defaultValue={read(values, "style")} errors={errors} />
            <TextField name="accessToken" label={t("config.map.accessToken")} hint={t("config.map.accessTokenHint")} defaultValue={read(values, "accessToken")} errors={errors} />
            <LocalizedFields name="attribution" label={t("config.map.attribution")} offered={offered} values={values} errors={errors} />
          </fieldset>
          <fieldset className="field">
            <legend>{t("config.map.tilesHeading")}</legend>
            <TextField name="tiles.url" label={t("config.map.tilesUrl")} hint={t("config.map.tilesUrlHint")} defaultValue={read(values, "tiles.url")} errors={errors} />
            <LocalizedFields name="tiles.attribution" label={t("config.map.attribution")} offered={offered} values={values} errors={errors} />
            <SelectField name="tiles.tileSize" label={t("config.map.tileSize")} defaultValue={read(values, "tiles.tileSize")} options={["256", "512"].map((v) => ({ value: v, label: v }))} errors={errors} />
            <TextField name="tiles.maxZoom" type="number" label={t("config.map.maxZoom")} defaultValue={read(values, "tiles.maxZoom")} errors={errors} />
          </fieldset>
          <button type="submit" className="button">
            {t("admin.save")}
          </button>
        </Form>
      </section>
      <section className="panel" aria-labelledby="map-boundaries">
        <h2 id="map-boundaries">{t("config.map.boundaries")}</h2>
        <p>{boundaries ? t("config.map.boundariesFile", { file: boundaries.file, source: boundaries.source, licence: boundaries.licence }) : t("config.map.noBoundaries")}</p>
      </section>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
