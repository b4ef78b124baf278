// GET /opensearch.xml: the OpenSearch description that lets a browser search this portal from its
// address bar (announced on every page with <link rel="search">).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { openSearchResponse } from "~/utils/public-feeds.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return openSearchResponse(request, context);
}
