// The document: <html lang> follows the page language; the language offer is the site's own.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { ErrorPage } from "~/components/error-page";
import stylesUrl from "~/styles/app.css?url";
import { getLocale, localeCookieHeader, offeredLocales } from "~/utils/locale.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await getLocale(request, context.site);
  const cookie = await localeCookieHeader(request, context.site);
  const body = { locale, offered: offeredLocales(context.site) };
  return data(body, cookie ? { headers: { "Set-Cookie": cookie } } : undefined);
}

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const { i18n } = useTranslation();
  const lang = root?.locale ?? i18n.language ?? "vi";
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
        <ScrollRestoration />
        <Scripts />
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
