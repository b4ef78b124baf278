// Server render: one i18next instance per request in the language the root loader also picks.
//
// React's web-stream renderer (react-dom/server.browser), not renderToPipeableStream: react-dom 18.3's
// Node writer sends its whole 2 KB buffer, unfilled bytes included, whenever the next multi-byte
// character does not fit (react issue 31134), which put NUL bytes into Vietnamese and Chinese pages and,
// through forms that echo stored text, into the database. The web-stream writer encodes each chunk first
// and enqueues exactly the bytes written. Remix v2 stays on React 18, so this is the fix at the source.
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { createInstance } from "i18next";
import { isbot } from "isbot";
import { renderToReadableStream } from "react-dom/server.browser";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { NonceContext } from "~/components/nonce";
import { i18nOptions } from "~/i18n";
import { getLocale } from "~/utils/locale.server";

export const streamTimeout = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const instance = createInstance();
  const lng = await getLocale(request, loadContext.site);
  await instance.use(initReactI18next).init({ ...i18nOptions, lng });
  const nonce = loadContext.nonce;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), streamTimeout + 1_000);
  let shellRendered = false;
  let status = responseStatusCode;
  const body = await renderToReadableStream(
    <NonceContext.Provider value={nonce}>
      <I18nextProvider i18n={instance}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </I18nextProvider>
    </NonceContext.Provider>,
    {
      nonce,
      signal: abort.signal,
      onError(error: unknown) {
        status = 500;
        // Errors before the shell reject the render and reach handleError through Remix.
        if (shellRendered) logError(error);
      },
    },
  );
  shellRendered = true;
  void body.allReady.then(
    () => clearTimeout(timer),
    () => clearTimeout(timer),
  );
  // Crawlers get the complete document at once; people get the shell as soon as it is ready.
  if (isbot(request.headers.get("user-agent") ?? "")) await body.allReady;
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(body, { headers: responseHeaders, status });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // A thrown Response or data() is an answer the route chose (403, 404, 413…), not an error.
  if (error instanceof Response || (error as { type?: string } | null)?.type === "DataWithResponseInit") return;
  logError(error, new URL(request.url).pathname);
}

// Path and message only: query strings, cookies and addresses can carry personal data.
function logError(error: unknown, path?: string) {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`render error${path ? ` on ${path}` : ""}: ${message}`);
}
