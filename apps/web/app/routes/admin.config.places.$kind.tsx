// /admin/config/places/<kind>: one kind of place the province keeps: its own names if any, the section
// that lists its places, the agencies that keep them, order, on/off and source; and removing it, which
// the save refuses once the kind has places.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { editPlaceKind, getConfigUsage, getTenantConfig, removePlaceKind } from "@cong/core";
import { localized } from "@cong/i18n";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { ConfigNav, errorLabels, SavedNotice } from "~/components/admin/config/config-form";
import { PLACE_KIND_FORM_KEYS, PlaceKindFields, placeKindLabels } from "~/components/admin/config/place-kind-fields";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary } from "~/components/form/fields";
import { text } from "~/utils/form.server";
import { placeChoices } from "~/utils/config-choices.server";
import { adminNotFound, slugParam } from "~/utils/not-found.server";
import { requireTenantAdmin } from "~/utils/session.server";
import { readConfigForm } from "~/utils/config-form.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { tenantId } = await requireTenantAdmin(request, context);
  const kind = slugParam(params.kind);
  const { config, usage } = await context.unit.run(async (tx) => ({ config: await getTenantConfig({ tx, tenantId }), usage: await getConfigUsage({ tx, tenantId }) }));
  const entry = config?.pack.places.find((p) => p.kind === kind);
  if (!config || !entry) adminNotFound();
  return { entry, count: usage.places[kind] ?? 0, choices: placeChoices(config.pack), offered: config.pack.locales.offered, version: config.version };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireTenantAdmin(request, context);
  const kind = slugParam(params.kind);
  const { form, lang, input, save } = await readConfigForm(request, context, admin);
  const intent = text(form, "intent");
  if (intent === "remove") {
    const result = await save("config.place-kind.remove", (pack) => removePlaceKind(pack, kind, lang));
    if (!result.ok) return data({ intent, errors: result.errors, input: null, count: null }, { status: 400 });
    return redirect(`/admin/config/places?removed=${encodeURIComponent(text(form, "name") || kind)}`);
  }
  const result = await save("config.place-kind.update", (pack) => editPlaceKind(pack, kind, input, lang));
  if (!result.ok) return data({ intent, errors: result.errors, input, count: null }, { status: 400 });
  return { intent, errors: null, input: null, count: result.value.changes.length };
}

export default function ConfigPlaceKind() {
  const { t, i18n } = useTranslation();
  const { entry, count, choices, offered, version } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saveErrors = result?.intent !== "remove" ? result?.errors : null;
  const removeErrors = result?.intent === "remove" ? result.errors : null;
  const name = entry.names ? localized(entry.names, i18n.language).text : t(`places.kinds.${entry.kind}`);
  return (
    <>
      <h1>{t("config.places.editHeading", { name })}</h1>
      <ConfigNav />
      <p>
        <Link to="/admin/config/places">{t("config.back")}</Link> · <code>{entry.kind}</code> ({t(`places.kinds.${entry.kind}`)})
      </p>
      {params.get("added") && !result ? <p role="status">{t("config.places.added")}</p> : null}
      <SavedNotice count={result?.count} />
      <section className="panel">
        <ErrorSummary errors={saveErrors} labels={errorLabels(saveErrors, PLACE_KIND_FORM_KEYS, t, placeKindLabels(t))} />
        <Form method="post" noValidate key={version}>
          <CsrfInput />
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="version" value={version} />
          <PlaceKindFields values={result?.input ?? entry} offered={offered} errors={saveErrors} choices={choices} kind={entry.kind} />
          <button type="submit" className="button">
            {t("admin.save")}
          </button>
        </Form>
      </section>

      <section className="panel danger" aria-labelledby="remove">
        <h2 id="remove">{t("config.places.removeHeading")}</h2>
        <p>{t("config.places.removeIntro")}</p>
        {count > 0 ? <p className="muted">{t("config.places.removeBlocked", { count })}</p> : null}
        <ErrorSummary errors={removeErrors} labels={{}} />
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="name" value={name} />
          <button type="submit" className="button danger">
            {t("config.places.removeButton")}
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
