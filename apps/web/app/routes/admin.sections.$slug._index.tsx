// /admin/sections/<slug>: a section's workspace — who answers for it, and its items (only those the
// viewer may read), with "new" buttons for the kinds the section takes when the viewer may write here.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTimeZone } from "~/components/use-time-zone";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { kindsForSection, listSectionItems, recordDataUpdate } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { CsrfInput } from "~/components/form/csrf-input";
import { LocalizedText } from "~/components/localized-text";
import { auditActor } from "~/utils/actor.server";
import { readForm } from "~/utils/form.server";
import { requireSection } from "~/utils/section-access.server";
import { staleDeadlines } from "~/utils/deadlines.server";
import { forbidIf } from "~/utils/session.server";

const STATUSES = ["draft", "submitted", "scheduled", "published", "withdrawn"];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const door = await requireSection(request, context, params.slug);
  const url = new URL(request.url);
  const status = STATUSES.find((s) => s === url.searchParams.get("status"));
  const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
  const list = await context.unit.run((tx) => listSectionItems({ tx, tenantId: door.tenantId, ability: door.ability, sectionId: door.section.id, status, page }));
  return { section: door.section, list, status: status ?? "", kinds: door.section.canEdit ? kindsForSection(door.section.kind) : [] };
}

// "We updated the figures": an update event for the deadline engine, for sections whose data lives
// outside the portal's articles (case figures, maps, charts).
export async function action({ request, params, context }: ActionFunctionArgs) {
  const door = await requireSection(request, context, params.slug);
  await readForm(request, context);
  const actor = auditActor(door.viewer, context);
  const result = await context.unit.run((tx) =>
    recordDataUpdate({
      tx,
      tenantId: door.tenantId,
      ability: door.ability,
      actor,
      agencyIds: door.viewer.agencies.map((a) => a.id),
      sectionId: door.section.id,
    }),
  );
  forbidIf(!result.ok, { code: "agency-has-no-duty", section: door.section.names, work: "edit", owners: [] });
  // After the commit: the job queue and the deadline figures must see the update event.
  context.unit.afterCommit(() => context.services.jobs.nudgeDeadlines());
  context.unit.afterCommit(() => staleDeadlines(door.tenantId));
  return redirect(`?recorded=${Date.now()}`);
}

export default function SectionWorkspace() {
  const { t, i18n } = useTranslation();
  const { section, list, status, kinds } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  // The time the redirect put in the URL; anything else in it (?recorded=abc) shows nothing rather than failing the page.
  const recorded = params.has("recorded") ? new Date(Number(params.get("recorded"))) : null;
  const timeZone = useTimeZone();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "short", timeStyle: "short", timeZone });
  return (
    <>
      <h1>
        <LocalizedText value={section.names} />
      </h1>
      <ul className="access-notes">
        {section.canEdit ? <li>{t("admin.sections.youCanEdit")}</li> : null}
        {section.canAnswer ? <li>{t("admin.sections.youCanAnswer")}</li> : null}
        {!section.canEdit && !section.canAnswer ? <li>{t("admin.sections.youCanRead")}</li> : null}
        {section.review ? <li>{t("items.workflow.reviewRequired")}</li> : null}
      </ul>

      {section.canEdit ? (
        <Form method="post" className="panel data-update">
          <CsrfInput />
          <p className="muted">{t("deadlines.dataUpdate.hint")}</p>
          {recorded && !Number.isNaN(recorded.getTime()) ? <p role="status">{t("deadlines.dataUpdate.done", { when: date.format(recorded) })}</p> : null}
          <button type="submit" className="button secondary">
            {t("deadlines.dataUpdate.button")}
          </button>
        </Form>
      ) : null}

      <section aria-labelledby="items-heading">
        <h2 id="items-heading">{t("items.list.heading")}</h2>
        {kinds.length > 0 ? (
          <p className="actions">
            {kinds.map((k) => (
              <Link key={k} className="button" to={`/admin/sections/${section.slug}/new?kind=${k}`}>
                {t("items.list.create", { kind: t(`items.kinds.${k}`).toLowerCase() })}
              </Link>
            ))}
          </p>
        ) : null}
        <Form method="get" className="filters">
          <div className="field">
            <label htmlFor="status">{t("items.list.filter")}</label>
            <select id="status" name="status" defaultValue={status}>
              <option value="">{t("items.list.all")}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`items.statuses.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button secondary">
            {t("items.list.show")}
          </button>
        </Form>
        {list.items.length === 0 ? (
          <p>{t("items.list.empty")}</p>
        ) : (
          <table className="data" data-testid="items">
            <thead>
              <tr>
                <th scope="col">{t("items.list.title")}</th>
                <th scope="col">{t("items.list.status")}</th>
                <th scope="col">{t("items.list.updated")}</th>
                <th scope="col">{t("items.list.publishedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => (
                <tr key={item.id} data-status={item.status}>
                  <th scope="row">
                    <Link to={`/admin/sections/${section.slug}/items/${item.id}`}>{item.title}</Link>{" "}
                    <span className="badge">{t(`items.kinds.${item.kind}`)}</span>
                  </th>
                  <td>{t(`items.statuses.${item.status}`)}</td>
                  <td>{date.format(new Date(item.updatedAt))}</td>
                  <td>{item.publishedAt ? date.format(new Date(item.publishedAt)) : item.publishAt ? date.format(new Date(item.publishAt)) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {list.pages > 1 ? (
          <nav className="pager" aria-label={t("items.list.pages", { page: list.page, pages: list.pages })}>
            {list.page > 1 ? <Link to={`?status=${status}&page=${list.page - 1}`}>{t("items.list.prev")}</Link> : null}
            <span>{t("items.list.pages", { page: list.page, pages: list.pages })}</span>
            {list.page < list.pages ? <Link to={`?status=${status}&page=${list.page + 1}`}>{t("items.list.next")}</Link> : null}
          </nav>
        ) : null}
      </section>

      <h2>{t("admin.sections.duties")}</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t("admin.sections.agency")}</th>
            <th scope="col">{t("admin.sections.role")}</th>
          </tr>
        </thead>
        <tbody>
          {section.owners.map((o, i) => (
            <tr key={i}>
              <td>
                <LocalizedText value={o.names} />
              </td>
              <td>{t(`config.dutyRoles.${o.role}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
