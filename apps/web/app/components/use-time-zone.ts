// The time zone every date and time on a page is shown in: the province's (from its pack), or the
// platform's on the apex. Read from the root loader, so the server and the browser format alike.
import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";

export function useTimeZone(): string | undefined {
  return useRouteLoaderData<typeof rootLoader>("root")?.timeZone;
}
