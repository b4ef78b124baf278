// GET /<section>/atom.xml: one section's latest published items as Atom 1.0; 404 for an unknown section.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedResponse } from "~/utils/public-feeds.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return feedResponse(request, context, "atom", params.section ?? "");
}
