// The loader and action behind both one-time link pages (password reset and invitation): the link is
// checked on the server on display and again, atomically, on use.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { findLink, usePasswordLink, type LinkKind } from "@cong/core";
import { readForm, SMALL_FORM_LIMIT } from "~/utils/form.server";
import { getLocale } from "~/utils/locale.server";
import { scopeOf } from "~/utils/session.server";

export function passwordLinkLoader(kind: LinkKind) {
  return async ({ params, context }: LoaderFunctionArgs) => {
    const tenantId = scopeOf(context);
    const link = await context.unit.run((tx) => findLink({ tx, tenantId, kind, token: params.token }));
    return link ? { valid: true as const, email: link.email, name: link.name } : { valid: false as const, email: null, name: null };
  };
}

export function passwordLinkAction(kind: LinkKind) {
  return async ({ request, params, context }: ActionFunctionArgs) => {
    const tenantId = scopeOf(context);
    const form = await readForm(request, context, { maxBytes: SMALL_FORM_LIMIT });
    const lang = await getLocale(request, context.site);
    const result = await context.unit.run((tx) =>
      usePasswordLink({ tx, tenantId, kind, token: params.token, password: form.get("password"), confirm: form.get("confirm"), ip: context.ip, lang }),
    );
    if (result.ok) return redirect(`/admin/login?done=${kind}`);
    if ("reason" in result) return data({ errors: { form: ["errors.linkExpired"] } }, { status: 410 });
    return data({ errors: result.errors }, { status: 400 });
  };
}
