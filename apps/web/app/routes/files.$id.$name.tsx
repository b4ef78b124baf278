// GET /files/<id>/<name>: an uploaded file, served with its checked content type. Public once a
// published item uses it; before that only the province's signed-in staff may fetch it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readAttachment } from "@cong/core";
import { getViewer } from "~/utils/session.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (context.site.kind !== "tenant") return new Response("404 Not Found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const staff = (await getViewer(request, context)) !== null;
  const file = await readAttachment(context.db, context.site.tenant.id, params.id ?? "", { staff, storage: context.services.storage });
  if (!file) return new Response("404 Not Found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const etag = `"${file.sha256}"`;
  const headers = new Headers({
    "Content-Type": file.mime,
    "Content-Length": String(file.bytes.byteLength),
    // inline: PDFs and images open in the browser; the name is the uploader's, made safe.
    "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    "Cache-Control": file.public ? "public, max-age=86400" : "private, no-store",
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
  });
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(file.bytes).buffer, { status: 200, headers });
}
