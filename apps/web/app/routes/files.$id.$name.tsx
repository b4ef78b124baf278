// GET and HEAD /files/<id>/<name>: an uploaded file, served with its checked content type. Public once a
// published item uses it; before that only the province's signed-in staff may fetch it. The file is
// streamed from storage, one byte range of it when asked (video players ask, and Safari plays nothing
// without a 206), and a request naming what the visitor already has is answered 304 without reading it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { httpDate, readAttachment } from "@cong/core";
import { getViewer } from "~/utils/session.server";

// Whether a file exists for this visitor depends on who asks (staff see drafts' files): no cache may keep it.
const notFound = () => new Response("404 Not Found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (context.site.kind !== "tenant") return notFound();
  const staff = (await getViewer(request, context)) !== null;
  const tenantId = context.site.tenant.id;
  const read = await context.unit.run((tx) => readAttachment({ tx, tenantId, id: params.id ?? "", staff, storage: context.services.storage, request }));
  if (!read) return notFound();
  const { file } = read;
  const headers = new Headers({
    // no-transform: neither compression() nor a proxy may re-encode the bytes, which would make
    // Content-Length and Content-Range lie.
    "Cache-Control": file.public ? "public, max-age=86400, no-transform" : "private, no-store, no-transform",
    ETag: file.etag,
    "Last-Modified": httpDate(file.lastModified),
    "Accept-Ranges": "bytes",
  });
  if (read.status === 304) return new Response(null, { status: 304, headers });
  headers.set("X-Content-Type-Options", "nosniff");
  if (read.status === 416) {
    headers.set("Content-Range", `bytes */${file.size}`);
    return new Response(null, { status: 416, headers });
  }
  headers.set("Content-Type", file.mime);
  // inline: PDFs and images open in the browser; the name is the uploader's, made safe.
  headers.set("Content-Disposition", `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  headers.set("Content-Security-Policy", "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox");
  const { range } = read;
  headers.set("Content-Length", String(range ? range.end + 1 - range.start : file.size));
  if (range) headers.set("Content-Range", `bytes ${range.start}-${range.end}/${file.size}`);
  return new Response(read.body, { status: read.status, headers });
}
