// What a mail from this host needs: the mailer, the address links go back to, the portal's name, and the
// language of the page the request came from.
import type { AppLoadContext } from "@remix-run/node";
import { localized } from "@cong/i18n";
import { getLocale } from "~/utils/locale.server";

export async function mailContext(request: Request, context: AppLoadContext) {
  const lang = await getLocale(request, context.site);
  const url = new URL(request.url);
  const portalName = context.site.kind === "tenant" ? localized(context.site.tenant.portalTitle, lang).text : "Cổng";
  return { mailer: context.services.mailer, baseUrl: `${url.protocol}//${url.host}`, portalName, lang };
}
