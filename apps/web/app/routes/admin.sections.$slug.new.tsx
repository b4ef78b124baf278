// /admin/sections/<slug>/new?kind=…: a new item in a section the viewer's agency answers for.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { attachmentNames, getEditorContext, kindsForSection, saveItem } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { ItemForm, type ItemFormValues } from "~/components/admin/item-form";
import { LocalizedText } from "~/components/localized-text";
import { auditActor } from "~/utils/actor.server";
import { nestedInput, readItemForm, readUploads, refusedUploads } from "~/utils/item-form.server";
import { getLocale } from "~/utils/locale.server";
import { requireSection } from "~/utils/section-access.server";
import { staleDeadlines } from "~/utils/deadlines.server";
import { forbidIf } from "~/utils/session.server";

function kindOf(value: string | null, sectionKind: string) {
  const kinds = kindsForSection(sectionKind);
  return kinds.find((k) => k === value) ?? kinds[0]!;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const door = await requireSection(request, context, params.slug);
  forbidIf(!door.section.canEdit, { code: "role-cannot", needs: "editor", section: door.section.names });
  const kind = kindOf(new URL(request.url).searchParams.get("kind"), door.section.kind);
  return { section: door.section, kind, editor: await context.unit.run((tx) => getEditorContext({ tx, tenantId: door.tenantId, sectionId: door.section.id })) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const door = await requireSection(request, context, params.slug);
  forbidIf(!door.section.canEdit, { code: "role-cannot", needs: "editor", section: door.section.names });
  const form = await readItemForm(request, context, door);
  const input = nestedInput(form);
  const kind = kindOf(String(input.kind ?? ""), door.section.kind);
  const { uploads, kept } = await readUploads(form);
  const values = { ...input, ...kept } as ItemFormValues;
  const actor = auditActor(door.viewer, context);
  const lang = await getLocale(request, context.site);
  const { result, names } = await context.unit.run(async (tx) => {
    const result = await saveItem({
      tx,
      unit: context.unit,
      tenantId: door.tenantId,
      ability: door.ability,
      actor,
      agencyIds: door.viewer.agencies.map((a) => a.id),
      sectionSlug: door.section.slug,
      input: { ...input, kind, ...kept },
      uploads,
      storage: context.services.storage,
      lang,
    });
    // A refusal shows the form again with the names of the files it keeps.
    return { result, names: result.ok ? {} : await attachmentNames({ tx, tenantId: door.tenantId, ids: [values.coverId, values.fileId] }) };
  });
  if (!result.ok && "forbidden" in result) forbidIf(true, { code: "role-cannot", needs: "editor", section: door.section.names });
  if (!result.ok) return data({ errors: refusedUploads("errors" in result ? result.errors : {}, uploads), values, names }, { status: 400 });
  context.unit.afterCommit(() => staleDeadlines(door.tenantId));
  return redirect(`/admin/sections/${door.section.slug}/items/${result.value.id}?saved=1`);
}

export default function NewItem() {
  const { t } = useTranslation();
  const { section, kind, editor } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? {};
  return (
    <>
      <p className="breadcrumb">
        <a href={`/admin/sections/${section.slug}`}>
          <LocalizedText value={section.names} />
        </a>
      </p>
      <h1>{t("items.form.newHeading", { kind: t(`items.kinds.${kind}`).toLowerCase() })}</h1>
      <ItemForm
        key={result ? JSON.stringify(result.errors) : "new"}
        kind={kind}
        locales={editor.locales}
        defaultLocale={editor.defaultLocale}
        categories={editor.categories}
        values={values}
        files={{ cover: values.coverId ? (result?.names[values.coverId] ?? null) : null, file: values.fileId ? (result?.names[values.fileId] ?? null) : null }}
        errors={result?.errors ?? null}
        uploadUrl={`/admin/sections/${section.slug}/upload`}
        submitLabel={t("items.form.saveDraft")}
      />
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
