// GET /robots.txt: crawl everything but the staff area and search results; where the sitemap is.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { robotsResponse } from "~/utils/public-feeds.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return robotsResponse(request, context);
}
