// A configuration form's post, read once for every /admin/config page: the form, the admin's language,
// the fields as the config editors take them, and `save`, which runs one edit of the pack in the
// request's unit of work (checked against the version the page was shown with).
import type { AppLoadContext } from "@remix-run/node";
import { formInput, saveTenantConfig, type PackEdit } from "@cong/core";
import type { TenantPack } from "@cong/config";
import { auditActor } from "~/utils/actor.server";
import { readForm, text } from "~/utils/form.server";
import { getLocale } from "~/utils/locale.server";
import type { requireTenantAdmin } from "~/utils/session.server";

export async function readConfigForm(request: Request, context: AppLoadContext, admin: Awaited<ReturnType<typeof requireTenantAdmin>>) {
  const form = await readForm(request, context);
  const lang = await getLocale(request, context.site);
  const common = { tenantId: admin.tenantId, actor: auditActor(admin.viewer, context), lang, version: text(form, "version"), platformDomain: context.env.PLATFORM_DOMAIN };
  const save = (action: string, edit: (pack: TenantPack) => PackEdit) => context.unit.run((tx) => saveTenantConfig({ tx, ...common, action, edit }));
  return { form, lang, input: formInput(form.entries()), save };
}
