// The document: <html lang> follows the page language; the language offer is the site's own.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { ErrorPage } from "~/components/error-page";
import { useNonce } from "~/components/nonce";
import stylesUrl from "~/styles/app.css?url";
import { csrfToken } from "~/utils/csrf.server";
import { DEFAULT_TIME_ZONE } from "@cong/schedule";
import { isStaffPath } from "~/utils/cache";
import { getLocale, localeCookieHeader, offeredLocales } from "~/utils/locale.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await getLocale(request, context.site);
  const headers = new Headers();
  const cookie = await localeCookieHeader(request, context.site);
  if (cookie) headers.append("Set-Cookie", cookie);
  // Forms and scripts live under /admin only: a citizen's page is plain HTML that sets no cookie, the same
  // bytes for everyone, so any cache may keep it (docs/decisions/0011).
  const staff = isStaffPath(new URL(request.url).pathname);
  const csrf = staff ? csrfToken(request, context) : null;
  if (csrf?.setCookie) headers.append("Set-Cookie", csrf.setCookie);
  // The one time zone every date and time on the page is shown in: the province's, or the platform's.
  const timeZone = context.site.kind === "tenant" ? context.site.tenant.timeZone : DEFAULT_TIME_ZONE;
  const body = { locale, offered: offeredLocales(context.site), csrf: csrf?.token ?? "", hydrate: staff, timeZone };
  return data(body, { headers });
}

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const { i18n } = useTranslation();
  const lang = root?.locale ?? i18n.language ?? "vi";
  const nonce = useNonce();
  return (
    <html lang={lang} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {root?.hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  const { locale } = useLoaderData<typeof loader>();
  useChangeLanguage(locale);
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
