// Readiness on any host: 200 when the database answers, 503 naming the problem (no credentials).
import type { LoaderFunctionArgs } from "@remix-run/node";

export async function loader({ context }: LoaderFunctionArgs) {
  const health = await context.health();
  const headers = { "Cache-Control": "no-store" };
  if (health.ok) return Response.json({ status: "ok", db: "ok" }, { headers });
  return Response.json({ status: "error", db: health.error }, { status: 503, headers });
}
