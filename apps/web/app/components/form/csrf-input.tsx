// The hidden CSRF token every form carries (see utils/csrf.server.ts).
import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";

export function CsrfInput() {
  const root = useRouteLoaderData<typeof rootLoader>("root");
  return <input type="hidden" name="_csrf" value={root?.csrf ?? ""} />;
}
