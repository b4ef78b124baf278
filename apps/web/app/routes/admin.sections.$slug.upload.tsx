// POST /admin/sections/<slug>/upload: an image for the rich-text editor of this section; answers JSON
// with the image's address, or the refusal in the page language.
import { data, type ActionFunctionArgs } from "@remix-run/node";
import { translate } from "@cong/i18n";
import { uploadAttachment } from "@cong/core";
import { auditActor } from "~/utils/actor.server";
import { readItemForm } from "~/utils/item-form.server";
import { getLocale } from "~/utils/locale.server";
import { requireSection } from "~/utils/section-access.server";

export async function loader() {
  return data({ error: "POST an image" }, { status: 405 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const door = await requireSection(request, context, params.slug);
  const lang = await getLocale(request, context.site);
  if (!door.section.canEdit) return data({ error: translate(lang, "admin.forbidden.heading") }, { status: 403 });
  const form = await readItemForm(request, context);
  const file = form.get("image");
  if (!(file instanceof File) || file.size === 0) return data({ error: translate(lang, "errors.fileEmpty") }, { status: 400 });
  const stored = await uploadAttachment({
    db: context.db,
    tenantId: door.tenantId,
    ability: door.ability,
    actor: auditActor(door.viewer, context),
    storage: context.services.storage,
    purpose: "image",
    sectionId: door.section.id,
    file: { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name },
  });
  if (!stored.ok) {
    const reason = "errors" in stored ? (Object.values(stored.errors)[0]?.[0] ?? "errors.invalidValue") : "admin.forbidden.heading";
    return data({ error: translate(lang, reason) }, { status: "forbidden" in stored ? 403 : 400 });
  }
  return { id: stored.value.id, url: `/files/${stored.value.id}/${encodeURIComponent(stored.value.fileName)}` };
}
