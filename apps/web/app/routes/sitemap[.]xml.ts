// GET /sitemap.xml: the portal's home, its sections and every published item, for search engines.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { sitemapResponse } from "~/utils/public-feeds.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return sitemapResponse(request, context);
}
