// /admin/config: the province's configuration at a glance (version, last change, size), the pages that
// edit it, the pack export and the pack import.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getTenantConfig } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { ConfigNav } from "~/components/admin/config/config-form";
import { requireTenantAdmin } from "~/utils/session.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { tenantId } = await requireTenantAdmin(request, context);
  const config = await context.unit.run((tx) => getTenantConfig({ tx, tenantId }));
  if (!config) throw data({ reason: "not-found" }, { status: 404 });
  const { pack } = config;
  return {
    slug: config.slug,
    version: config.version,
    updatedAt: config.updatedAt.toISOString(),
    timeZone: pack.timeZone,
    counts: { sections: pack.sections.length, agencies: pack.agencies.length, duties: pack.matrix.reduce((n, m) => n + m.duties.length, 0) },
  };
}

export default function ConfigOverview() {
  const { t, i18n } = useTranslation();
  const { slug, version, updatedAt, timeZone, counts } = useLoaderData<typeof loader>();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone });
  const pages = ["settings", "sections", "agencies", "matrix", "figures", "places"] as const;
  return (
    <>
      <h1>{t("config.heading")}</h1>
      <ConfigNav />
      <p>{t("config.overview.intro", { slug })}</p>
      <dl className="facts">
        <dt>{t("config.overview.version")}</dt>
        <dd>
          <code>{version.slice(0, 12)}</code>
        </dd>
        <dt>{t("config.overview.updated")}</dt>
        <dd>{date.format(new Date(updatedAt))}</dd>
      </dl>
      <p>{t("config.overview.summary", counts)}</p>
      <ul className="section-list">
        {pages.map((p) => (
          <li key={p}>
            <Link to={`/admin/config/${p}`}>{t(`config.nav.${p}`)}</Link> — <span className="muted">{t(`config.overview.${p}Hint`)}</span>
          </li>
        ))}
      </ul>
      <p className="muted">{t("config.overview.importOnly")}</p>

      <section className="panel" aria-labelledby="export">
        <h2 id="export">{t("config.overview.exportHeading")}</h2>
        <p>{t("config.overview.exportIntro")}</p>
        <a className="button" href="/admin/config/export" download="pack.yaml">
          {t("config.overview.exportButton")}
        </a>
      </section>

      <section className="panel" aria-labelledby="import">
        <h2 id="import">{t("config.overview.importHeading")}</h2>
        <p>{t("config.overview.importIntro")}</p>
        <Link className="button secondary" to="/admin/config/import">
          {t("config.overview.importLink")}
        </Link>
      </section>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
