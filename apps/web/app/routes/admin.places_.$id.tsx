// /admin/places/new and /admin/places/<id>: a place's form (issue 10) — kind, names, address, locality,
// location or area, phone — and its status (open or closed, capacity, occupancy, note), with the status
// history below. A kind or a locality this member's agency does not keep is a 403 and nothing is saved; a
// bad field is named in the summary and at the field. (`places_`: its own page, not inside the list.)
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { localized } from "@cong/i18n";
import { useTranslation } from "react-i18next";
import { PLACE_FIELDS } from "@cong/config";
import { getPlace, loadPlaceRules, savePlace, type PlaceInput } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary, SelectField, TextArea, TextField } from "~/components/form/fields";
import { PlaceHistory } from "~/components/places/place-history";
import { auditActor } from "~/utils/actor.server";
import { staleDeadlines } from "~/utils/deadlines.server";
import { readForm } from "~/utils/form.server";
import { requirePlaceKeeping } from "~/utils/places.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { tenant, ability, who } = await requirePlaceKeeping(request, context);
  const id = params.id === "new" ? null : params.id!;
  return context.unit.run(async (tx) => {
    const rules = await loadPlaceRules({ tx, tenantId: tenant.id, ability, who });
    const place = id ? await getPlace({ tx, tenantId: tenant.id, id }) : null;
    if (id && !place) throw data({ reason: "not-found" as const }, { status: 404 });
    const kinds = [...rules.kinds.values()].filter((k) => rules.canKeep(k));
    if (place) {
      const kind = rules.kinds.get(place.kind);
      if (!kind || !rules.canKeep(kind) || !rules.mayWriteIn(kind, place.unitCode)) throw data({ reason: "forbidden" as const, code: "places-unit" }, { status: 403 });
    }
    // The localities offered: those of the kinds this member keeps (every one for a provincial agency).
    const units = rules.units.units.filter((u) => kinds.some((k) => rules.mayWriteIn(k, u.code))).map((u) => ({ code: u.code, name: u.name, level: u.levelKey }));
    const province = kinds.some((k) => rules.mayWriteIn(k, null));
    return { place, kinds: kinds.map((k) => ({ kind: k.kind, names: k.names })), units, province, timeZone: tenant.timeZone };
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { tenant, ability, who, viewer } = await requirePlaceKeeping(request, context);
  const form = await readForm(request, context);
  const input: PlaceInput = {};
  for (const f of PLACE_FIELDS) {
    const v = form.get(f);
    input[f] = typeof v === "string" ? v : null;
  }
  const id = params.id === "new" ? undefined : params.id;
  const result = await context.unit.run((tx) => savePlace({ tx, tenantId: tenant.id, ability, actor: auditActor(viewer, context), who, ...(id ? { id } : {}), input }));
  if (!result.ok) {
    if ("notFound" in result) throw data({ reason: "not-found" as const }, { status: 404 });
    // A kind or a locality this member's agency does not keep: the admin's 403 page, nothing saved.
    if ("forbidden" in result) throw data({ reason: "forbidden" as const, code: "places-unit" }, { status: 403 });
    return data({ errors: result.errors, input }, { status: 400 });
  }
  // Each change is an update for the deadline engine: its round and the next view see it once committed.
  context.unit.afterCommit(async () => {
    staleDeadlines(tenant.id);
    await context.services.jobs.nudgeDeadlines();
  });
  return redirect(`/admin/places/${result.value.id}?saved=1`);
}

export default function PlaceForm() {
  const { t, i18n } = useTranslation();
  const { place, kinds, units, province, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.errors ?? null;
  const value = (f: (typeof PLACE_FIELDS)[number], stored: string | number | null | undefined) => {
    const typed = result?.input?.[f];
    return typed !== undefined && typed !== null ? String(typed) : stored === null || stored === undefined ? "" : String(stored);
  };
  const labels = Object.fromEntries(PLACE_FIELDS.map((f) => [f, t(`places.field.${f}`)]));
  const kindOptions = kinds.map((k) => ({ value: k.kind, label: k.names ? localized(k.names, i18n.language).text : t(`places.kinds.${k.kind}`) }));
  const unitOptions = [...(province ? [{ value: "", label: t("places.field.unitNone") }] : []), ...units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))];
  return (
    <>
      <p>
        <a href="/admin/places">{t("places.back")}</a>
      </p>
      <h1>{place ? t("places.editHeading", { name: place.names.vi }) : t("places.newHeading")}</h1>
      {params.get("saved") ? <p role="status">{t("places.saved")}</p> : null}
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" noValidate className="stack">
        <CsrfInput />
        <SelectField name="kind" label={labels.kind!} options={kindOptions} defaultValue={value("kind", place?.kind)} errors={errors} required />
        <TextField name="name" label={labels.name!} defaultValue={value("name", place?.names.vi)} errors={errors} required maxLength={200} lang="vi" />
        <TextField name="nameEn" label={labels.nameEn!} defaultValue={value("nameEn", place?.names.en)} errors={errors} maxLength={200} lang="en" />
        <TextField name="nameZh" label={labels.nameZh!} defaultValue={value("nameZh", place?.names.zh)} errors={errors} maxLength={200} lang="zh" />
        <TextField name="ref" label={labels.ref!} hint={t("places.field.refHint")} defaultValue={value("ref", place?.ref)} errors={errors} maxLength={64} />
        <TextField name="address" label={labels.address!} defaultValue={value("address", place?.address)} errors={errors} maxLength={300} />
        <SelectField name="unit" label={labels.unit!} options={unitOptions} defaultValue={value("unit", place?.unitCode)} errors={errors} />
        <TextField name="lon" label={labels.lon!} hint={t("places.field.locationHint")} defaultValue={value("lon", place?.lon)} errors={errors} />
        <TextField name="lat" label={labels.lat!} defaultValue={value("lat", place?.lat)} errors={errors} />
        <TextArea name="area" label={labels.area!} hint={t("places.field.areaHint")} defaultValue={value("area", place?.area ? JSON.stringify(place.area) : null)} errors={errors} rows={3} />
        <TextField name="phone" type="tel" label={labels.phone!} defaultValue={value("phone", place?.phone)} errors={errors} maxLength={60} autoComplete="off" />
        <fieldset>
          <legend>{t("places.statusHeading")}</legend>
          <p className="muted">{t("places.statusIntro")}</p>
          <SelectField
            name="status"
            label={labels.status!}
            options={[
              { value: "open", label: t("places.status.open") },
              { value: "closed", label: t("places.status.closed") },
            ]}
            defaultValue={value("status", place?.status ?? "open")}
            errors={errors}
          />
          <TextField name="capacity" label={labels.capacity!} defaultValue={value("capacity", place?.capacity)} errors={errors} />
          <TextField name="occupancy" label={labels.occupancy!} defaultValue={value("occupancy", place?.occupancy)} errors={errors} />
          <TextField name="note" label={labels.note!} defaultValue={value("note", place?.note)} errors={errors} maxLength={500} />
        </fieldset>
        <button type="submit" className="button">
          {t("places.save")}
        </button>
      </Form>
      {place ? <PlaceHistory history={place.history} timeZone={timeZone} /> : null}
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
