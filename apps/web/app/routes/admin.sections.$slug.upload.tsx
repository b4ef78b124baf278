// POST /admin/sections/<slug>/upload: an image for the rich-text editor of this section. Answers JSON
// with the image's address (201), or with the refusal in the page language and the status that says
// what went wrong: 400 bad file, 401 signed out, 403 not this editor's section, 404 no such section,
// 405/413/415 a request the form would never send. Never a stack or a server path.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { translate, type Language } from "@cong/i18n";
import { uploadAttachment } from "@cong/core";
import { auditActor } from "~/utils/actor.server";
import { badRequestKey, badRequestValues } from "~/utils/bad-request";
import { readForm } from "~/utils/form.server";
import { IMAGE_UPLOAD_LIMIT } from "~/utils/item-form.server";
import { getLocale } from "~/utils/locale.server";
import { requireSection } from "~/utils/section-access.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = await getLocale(request, context.site);
  return json(405, translate(lang, "request.method"), { Allow: "POST" });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = await getLocale(request, context.site);
  try {
    const door = await requireSection(request, context, params.slug);
    if (!door.section.canEdit) return json(403, translate(lang, "admin.forbidden.heading"));
    const form = await readForm(request, context, { maxBytes: IMAGE_UPLOAD_LIMIT });
    const file = form.get("image");
    if (!(file instanceof File) || file.size === 0) return json(400, translate(lang, "errors.fileEmpty"));
    const bytes = new Uint8Array(await file.arrayBuffer());
    const stored = await context.unit.run((tx) =>
      uploadAttachment({
        tx,
        unit: context.unit,
        tenantId: door.tenantId,
        ability: door.ability,
        actor: auditActor(door.viewer, context),
        storage: context.services.storage,
        purpose: "image",
        sectionId: door.section.id,
        file: { bytes, name: file.name },
      }),
    );
    if (!stored.ok) {
      if ("forbidden" in stored) return json(403, translate(lang, "admin.forbidden.heading"));
      return json(400, translate(lang, Object.values(stored.errors)[0]?.[0] ?? "errors.invalidValue"));
    }
    const url = `/files/${stored.value.id}/${encodeURIComponent(stored.value.fileName)}`;
    return Response.json({ id: stored.value.id, url }, { status: 201 });
  } catch (thrown) {
    return refusalAsJson(thrown, lang);
  }
}

function json(status: number, error: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

// The shared guards throw the admin's refusals (data() or a redirect to sign in); a script wants JSON.
function refusalAsJson(thrown: unknown, lang: Language): Response {
  if (thrown instanceof Response) {
    if (thrown.status >= 300 && thrown.status < 400) return json(401, translate(lang, "request.signedOut"));
    return json(thrown.status, translate(lang, "request.heading"));
  }
  const refusal = thrown as { type?: string; data?: { reason?: string; code?: string; field?: string; limit?: number }; init?: { status?: number } } | null;
  if (refusal?.type !== "DataWithResponseInit") throw thrown;
  const status = refusal.init?.status ?? 400;
  const d = refusal.data ?? {};
  const key =
    d.reason === "csrf"
      ? "errors.csrf"
      : d.reason === "not-found"
        ? "errors.sectionNotFound"
        : d.reason === "forbidden"
          ? "admin.forbidden.heading"
          : d.reason === "bad-request"
            ? badRequestKey(d.code)
            : "request.heading";
  return json(status, translate(lang, key, badRequestValues(d, lang)));
}
