// /admin/places/import: an agency's editor imports places from a CSV or XLSX file (issue 10), one row per
// place. A file with any bad row changes nothing: the page answers 400 with a report of each bad row,
// column and reason (the first 500, and how many more); a good one is written at once and the page says
// how many places were created and updated. The same door as the list (404 off a province's site, 403
// without the ability to keep places).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { importPlaces, loadPlaceRules, PLACE_COLUMN_NAMES } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { FiguresUpload } from "~/components/admin/figures-upload";
import { ImportReport } from "~/components/admin/import-report";
import { KindName } from "~/components/places/place-list";
import { auditActor } from "~/utils/actor.server";
import { staleDeadlines } from "~/utils/deadlines.server";
import { MB, readForm } from "~/utils/form.server";
import { getLocale } from "~/utils/locale.server";
import { requirePlaceKeeping } from "~/utils/places.server";

const PATH = "/admin/places/import";
const SHOWN = 500;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { tenant, ability, who } = await requirePlaceKeeping(request, context);
  const kinds = await context.unit.run(async (tx) => {
    const rules = await loadPlaceRules({ tx, tenantId: tenant.id, ability, who });
    return [...rules.kinds.values()].filter((k) => rules.canKeep(k)).map((k) => ({ kind: k.kind, names: k.names }));
  });
  return { kinds, columns: PLACE_COLUMN_NAMES[await getLocale(request, context.site)] };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { tenant, ability, who, viewer } = await requirePlaceKeeping(request, context);
  const form = await readForm(request, context, { maxBytes: 21 * MB });
  const lang = await getLocale(request, context.site);
  const upload = form.get("file");
  const file = typeof upload === "object" && upload !== null ? { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) } : { name: "", bytes: new Uint8Array() };
  const result = await context.unit.run((tx) => importPlaces({ tx, tenantId: tenant.id, ability, actor: auditActor(viewer, context), who, file, lang }));
  if (!result.ok) return data({ errors: result.errors, rows: result.rows.slice(0, SHOWN), problems: result.rows.length, total: result.total }, { status: 400 });
  // Each import is an update for the deadline engine: its round and the next view see it once committed.
  context.unit.afterCommit(async () => {
    staleDeadlines(tenant.id);
    await context.services.jobs.nudgeDeadlines();
  });
  const { rows, created, updated } = result.value;
  return redirect(`${PATH}?done=${rows}&created=${created}&updated=${updated}`);
}

export default function PlacesImport() {
  const { t } = useTranslation();
  const { kinds } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  return (
    <>
      <h1>{t("places.import.heading")}</h1>
      <p>
        <a href="/admin/places">{t("places.back")}</a>
      </p>
      {done !== null ? <p role="status">{t("places.import.done", { rows: Number(done), created: Number(params.get("created") ?? 0), updated: Number(params.get("updated") ?? 0) })}</p> : null}
      <p className="muted">{t("places.import.intro")}</p>
      <section className="panel" aria-labelledby="import-columns">
        <h2 id="import-columns">{t("places.import.columnsHeading")}</h2>
        <p>{t("places.import.columnsNote")}</p>
        {kinds.length > 0 ? (
          <>
            <h3>{t("places.import.kindsHeading")}</h3>
            <ul>
              {kinds.map((k) => (
                <li key={k.kind}>
                  <code>{k.kind}</code> — <KindName kind={k.kind} names={k.names} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p>
          <a href="/admin/places/template.csv" download>
            {t("places.import.template")}
          </a>
        </p>
      </section>
      <FiguresUpload action={PATH} report={<ImportReport result={result} />} />
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
