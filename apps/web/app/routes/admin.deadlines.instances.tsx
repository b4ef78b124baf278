// /admin/deadlines/instances?agency=&section=&status=: the deadlines behind a dashboard row, each with
// its outcome, lateness and a link to how it was computed.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listAgencies, listInstances, listSectionAccess } from "@cong/core";
import { z } from "zod";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { InstanceTable } from "~/components/admin/instance-table";
import { LocalizedText } from "~/components/localized-text";
import { freshDeadlines, requireDeadlinesView } from "~/utils/deadlines.server";

const querySchema = z.object({
  agency: z.string().max(63).optional(),
  section: z.string().max(63).optional(),
  status: z.enum(["open", "overdue", "fulfilled", "late", "missed"]).optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const door = await requireDeadlinesView(request, context);
  await freshDeadlines(context, door.tenantId);
  const q = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!q.success) throw data({ reason: "not-found" }, { status: 404 });
  const { tenantId, viewer, ability, rules } = door;
  return context.unit.run(async (tx) => {
    const agencies = await listAgencies({ tx, tenantId });
    const sections = await listSectionAccess({ tx, tenantId, viewer, ability, rules: rules! });
    const agency = q.data.agency ? agencies.find((a) => a.key === q.data.agency) : undefined;
    const section = q.data.section ? sections.find((s) => s.slug === q.data.section) : undefined;
    const rows = await listInstances({
      tx,
      tenantId,
      agencyIds: agency ? [agency.id] : undefined,
      sectionId: section?.id,
      status: q.data.status ? [q.data.status] : undefined,
      from: new Date(Date.now() - 30 * 86_400_000),
      to: new Date(Date.now() + 2 * 86_400_000),
    });
    return { rows, agency: agency?.names ?? null, section: section?.names ?? null };
  });
}

export default function Instances() {
  const { t } = useTranslation();
  const { rows, agency, section } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/deadlines">{t("deadlines.heading")}</Link>
      </p>
      <h1>
        {t("deadlines.instances.heading")}
        {agency ? (
          <>
            {" — "}
            <LocalizedText value={agency} />
          </>
        ) : null}
        {section ? (
          <>
            {" · "}
            <LocalizedText value={section} />
          </>
        ) : null}
      </h1>
      <InstanceTable rows={rows} />
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
