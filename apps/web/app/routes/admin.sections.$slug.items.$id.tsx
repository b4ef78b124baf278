// /admin/sections/<slug>/items/<id>: edit an item, take it through the workflow (submit, publish now or
// at a time, withdraw, return for changes), and read its history with diffs.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { attachmentNames, getEditorContext, getItemForEditing, saveItem, transitionItem, type FieldErrors } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { ItemForm, type ItemFormValues } from "~/components/admin/item-form";
import { ItemWorkflow, RevisionHistory } from "~/components/admin/item-workflow";
import { LocalizedText } from "~/components/localized-text";
import { auditActor } from "~/utils/actor.server";
import { nestedInput, readItemForm, readUploads, refusedUploads } from "~/utils/item-form.server";
import { getLocale } from "~/utils/locale.server";
import { adminNotFound, uuidParam } from "~/utils/not-found.server";
import { requireSection } from "~/utils/section-access.server";
import { staleDeadlines } from "~/utils/deadlines.server";
import { forbidIf } from "~/utils/session.server";

async function load(request: Request, params: LoaderFunctionArgs["params"], context: LoaderFunctionArgs["context"]) {
  const door = await requireSection(request, context, params.slug);
  const itemId = uuidParam(params.id);
  const item = await context.unit.run((tx) => getItemForEditing({ tx, tenantId: door.tenantId, ability: door.ability, itemId }));
  if (!item || item.sectionId !== door.section.id) adminNotFound();
  return { door, item };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { door, item } = await load(request, params, context);
  const { editor, names } = await context.unit.run(async (tx) => ({
    editor: await getEditorContext({ tx, tenantId: door.tenantId, sectionId: door.section.id }),
    names: await attachmentNames({ tx, tenantId: door.tenantId, ids: [item.snapshot.coverId, item.snapshot.fileId] }),
  }));
  return { section: door.section, item, editor, names };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { door, item } = await load(request, params, context);
  const form = await readItemForm(request, context, door);
  const lang = await getLocale(request, context.site);
  const actor = auditActor(door.viewer, context);
  if (form.get("intent") === "transition") {
    const input = { action: form.get("action"), publishAt: form.get("publishAt") ?? undefined, note: form.get("note") ?? undefined };
    const result = await context.unit.run((tx) => transitionItem({ tx, tenantId: door.tenantId, ability: door.ability, actor, itemId: item.id, input, lang }));
    if (!result.ok && "forbidden" in result) forbidIf(true, { code: "role-cannot", needs: "board", section: door.section.names });
    if (!result.ok) return data({ intent: "transition" as const, errors: "errors" in result ? result.errors : {}, values: null, names: {} }, { status: 400 });
    // After the commit: the job queue must find the item scheduled or published (and on the embedded
    // database it shares the one connection the request's transaction holds until then).
    const { status, publishAt } = result.value;
    if (status === "scheduled" && publishAt) context.unit.afterCommit(() => context.services.jobs.publishAt(publishAt));
    if (status === "published") context.unit.afterCommit(() => context.services.jobs.nudgeDeadlines());
    context.unit.afterCommit(() => staleDeadlines(door.tenantId));
    return redirect(`?done=${String(form.get("action"))}`);
  }
  forbidIf(!item.canUpdate, { code: "role-cannot", needs: "editor", section: door.section.names });
  const input = nestedInput(form);
  const { uploads, kept } = await readUploads(form);
  const values = { ...input, ...kept } as ItemFormValues;
  const { result, names } = await context.unit.run(async (tx) => {
    const result = await saveItem({
      tx,
      unit: context.unit,
      tenantId: door.tenantId,
      ability: door.ability,
      actor,
      agencyIds: door.viewer.agencies.map((a) => a.id),
      sectionSlug: door.section.slug,
      itemId: item.id,
      input: { ...input, kind: item.kind, ...kept },
      uploads,
      storage: context.services.storage,
      lang,
    });
    // A refusal shows the form again with the names of the files it keeps.
    return { result, names: result.ok ? {} : await attachmentNames({ tx, tenantId: door.tenantId, ids: [values.coverId, values.fileId] }) };
  });
  if (!result.ok && "forbidden" in result) forbidIf(true, { code: "role-cannot", needs: "editor", section: door.section.names });
  if (!result.ok) {
    const errors: FieldErrors = refusedUploads("errors" in result ? result.errors : {}, uploads);
    return data({ intent: "save" as const, errors, values, names }, { status: 400 });
  }
  context.unit.afterCommit(() => staleDeadlines(door.tenantId));
  return redirect("?saved=1");
}

export default function EditItem() {
  const { t } = useTranslation();
  const { section, item, editor, names } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const values: ItemFormValues = result?.intent === "save" && result.values ? result.values : { ...item.snapshot, category: item.categorySlug };
  const fileNames: Record<string, string> = { ...names, ...(result?.names ?? {}) };
  const title = item.snapshot.translations[editor.defaultLocale]?.title ?? item.slug;
  const live = item.status === "published" || item.status === "scheduled";
  return (
    <>
      <p className="breadcrumb">
        <a href={`/admin/sections/${section.slug}`}>
          <LocalizedText value={section.names} />
        </a>
      </p>
      <h1>{t("items.form.editHeading", { title })}</h1>
      {params.get("saved") ? <p role="status">{t("items.form.saved")}</p> : null}
      {done ? <p role="status">{t(`items.done.${done}`)}</p> : null}
      {item.status === "published" ? (
        <p>
          <a href={`/${section.slug}/${item.slug}`}>{t("items.form.viewPublic")}</a>
        </p>
      ) : null}
      <div className="item-layout">
        <div>
          {!item.canUpdate ? <p className="muted">{t("items.form.readOnly")}</p> : live ? <p className="muted">{t("items.form.liveNote")}</p> : null}
          <ItemForm
            key={result ? JSON.stringify(result.errors) : item.revisions[0]?.id}
            kind={item.kind}
            locales={editor.locales}
            defaultLocale={editor.defaultLocale}
            categories={editor.categories}
            values={values}
            files={{ cover: values.coverId ? (fileNames[values.coverId] ?? null) : null, file: values.fileId ? (fileNames[values.fileId] ?? null) : null }}
            errors={result?.intent === "save" ? result.errors : null}
            uploadUrl={`/admin/sections/${section.slug}/upload`}
            submitLabel={t("items.form.saveChanges")}
            disabled={!item.canUpdate}
          />
        </div>
        <div>
          <ItemWorkflow status={item.status} publishAt={item.publishAt} transitions={item.transitions} review={section.review} errors={result?.intent === "transition" ? result.errors : null} />
          <RevisionHistory revisions={item.revisions} />
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
