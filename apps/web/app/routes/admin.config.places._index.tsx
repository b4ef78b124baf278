// /admin/config/places: the kinds of place the province keeps registries of, in the portal's order (the
// section that lists each, who keeps it, how many places it has), and a short form to add a kind not
// kept yet (the full form opens after it is made).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { editPlaceKind, getConfigUsage, getTenantConfig } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { ConfigNav, errorLabels, read } from "~/components/admin/config/config-form";
import { PLACE_KIND_FORM_KEYS, placeKindLabels, PlaceKindSetupFields } from "~/components/admin/config/place-kind-fields";
import { KeyName } from "~/components/admin/config/series-fields";
import { KindName } from "~/components/places/place-list";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary, SelectField } from "~/components/form/fields";
import { text } from "~/utils/form.server";
import { namesByKey, placeChoices } from "~/utils/config-choices.server";
import { requireTenantAdmin } from "~/utils/session.server";
import { readConfigForm } from "~/utils/config-form.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { tenantId } = await requireTenantAdmin(request, context);
  const { config, usage } = await context.unit.run(async (tx) => ({ config: await getTenantConfig({ tx, tenantId }), usage: await getConfigUsage({ tx, tenantId }) }));
  if (!config) throw data({ reason: "not-found" }, { status: 404 });
  const { pack } = config;
  const kinds = [...pack.places].sort((a, b) => a.order - b.order || a.kind.localeCompare(b.kind)).map((p) => ({ ...p, names: p.names ?? null, count: usage.places[p.kind] ?? 0 }));
  return {
    kinds,
    sectionNames: namesByKey(pack.sections, (s) => s.slug),
    agencyNames: namesByKey(pack.agencies, (a) => a.id),
    choices: placeChoices(pack),
    version: config.version,
    nextOrder: Math.max(0, ...pack.places.map((p) => p.order)) + 1,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireTenantAdmin(request, context);
  const { form, lang, input, save } = await readConfigForm(request, context, admin);
  const result = await save("config.place-kind.add", (pack) => editPlaceKind(pack, null, input, lang));
  if (!result.ok) return data({ errors: result.errors, input }, { status: 400 });
  return redirect(`/admin/config/places/${text(form, "kind")}?added=1`);
}

export default function ConfigPlaces() {
  const { t } = useTranslation();
  const { kinds, sectionNames, agencyNames, choices, version, nextOrder } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const values = result?.input ?? { order: String(nextOrder), enabled: "on" };
  const labels = errorLabels(result?.errors, PLACE_KIND_FORM_KEYS, t, placeKindLabels(t));
  return (
    <>
      <h1>{t("config.places.heading")}</h1>
      <ConfigNav />
      {params.get("removed") ? <p role="status">{t("config.places.removed", { name: params.get("removed") })}</p> : null}
      <p className="muted">{t("config.places.intro")}</p>
      {kinds.length === 0 ? (
        <p>{t("config.places.none")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("config.places.order")}</th>
              <th scope="col">{t("config.places.name")}</th>
              <th scope="col">{t("config.places.section")}</th>
              <th scope="col">{t("config.places.agencies")}</th>
              <th scope="col">{t("config.places.status")}</th>
              <th scope="col">{t("config.places.count")}</th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((k) => (
              <tr key={k.kind} data-place-kind={k.kind}>
                <td>{k.order}</td>
                <th scope="row">
                  <Link to={`/admin/config/places/${k.kind}`}>
                    <KindName kind={k.kind} names={k.names} />
                  </Link>{" "}
                  <code className="muted">{k.kind}</code>
                </th>
                <td><KeyName names={sectionNames} id={k.section} /></td>
                <td>
                  {k.agencies.map((a, i) => (
                    <span key={a}>
                      {i > 0 ? "; " : null}
                      <KeyName names={agencyNames} id={a} />
                    </span>
                  ))}
                </td>
                <td>{k.enabled ? t("config.places.enabled") : <span className="badge">{t("config.places.disabled")}</span>}</td>
                <td>{k.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section className="panel" aria-labelledby="add-kind">
        <h2 id="add-kind">{t("config.places.addHeading")}</h2>
        {choices.unused.length === 0 ? (
          <p>{t("config.places.allUsed")}</p>
        ) : (
          <>
            <ErrorSummary errors={result?.errors} labels={labels} />
            <Form method="post" noValidate>
              <CsrfInput />
              <input type="hidden" name="version" value={version} />
              <SelectField
                name="kind"
                label={t("config.places.kind")}
                hint={t("config.places.kindHint")}
                defaultValue={read(values, "kind")}
                options={choices.unused.map((k) => ({ value: k, label: t(`places.kinds.${k}`) }))}
                errors={result?.errors}
              />
              <PlaceKindSetupFields values={values} errors={result?.errors} choices={choices} />
              <button type="submit" className="button">
                {t("config.places.addButton")}
              </button>
            </Form>
          </>
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
