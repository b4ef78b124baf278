// GET /atom.xml: the whole portal's latest published items as Atom 1.0 (?lng= picks the language).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedResponse } from "~/utils/public-feeds.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return feedResponse(request, context, "atom");
}
