// Readiness on any host: 200 when the database answers, 503 naming the problem (no credentials).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkDb } from "~/utils/core.server";

export async function loader({ context }: LoaderFunctionArgs) {
  const health = await checkDb(context.db);
  const headers = { "Cache-Control": "no-store" };
  if (health.ok) return Response.json({ status: "ok", db: "ok" }, { headers });
  return Response.json({ status: "error", db: health.error }, { status: 503, headers });
}
