// /admin/outbox (development only, without SMTP): the mail the platform would have sent, newest first.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useTimeZone } from "~/components/use-time-zone";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readOutbox } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { adminNav } from "~/utils/admin-nav.server";
import { requireAccess } from "~/utils/session.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const access = await requireAccess(request, context);
  if (!(await adminNav(access, context)).includes("outbox")) throw data({ reason: "not-found" }, { status: 404 });
  // A province's admin sees the mail sent to its own host's accounts only.
  const host = new URL(request.url).host;
  const mails = (await readOutbox(context.services.outboxDir, 200)).filter((m) => context.site.kind === "apex" || m.text.includes(`//${host}/`)).slice(0, 50);
  return { mails, dir: context.services.outboxDir };
}

export default function Outbox() {
  const { t, i18n } = useTranslation();
  const { mails, dir } = useLoaderData<typeof loader>();
  const timeZone = useTimeZone();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "short", timeStyle: "medium", timeZone });
  return (
    <>
      <h1>{t("admin.outbox.heading")}</h1>
      <p className="muted">{t("admin.outbox.intro", { dir })}</p>
      {mails.length === 0 ? <p>{t("admin.outbox.empty")}</p> : null}
      {mails.map((m) => (
        <article key={m.id} className="panel mail">
          <h2>{m.subject}</h2>
          <p className="muted">
            {t("admin.outbox.to")}: {m.to} · {t("admin.outbox.at")}: {date.format(new Date(m.at))}
          </p>
          <pre>{m.text}</pre>
        </article>
      ))}
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
