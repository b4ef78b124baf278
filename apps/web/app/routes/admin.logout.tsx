// Sign out: ends the session in the database (not only the cookie) and goes back to the sign-in page.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "@cong/core";
import { readCookie } from "~/utils/cookies.server";
import { readForm, SMALL_FORM_LIMIT } from "~/utils/form.server";
import { clearedSessionCookie, scopeOf, SESSION_COOKIE } from "~/utils/session.server";

export async function loader() {
  return redirect("/admin");
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Only a province or the apex has sessions (404 elsewhere).
  scopeOf(context);
  await readForm(request, context, { maxBytes: SMALL_FORM_LIMIT });
  await context.unit.run((tx) => endSession({ tx, token: readCookie(request, SESSION_COOKIE) }));
  return redirect("/admin/login", { headers: { "Set-Cookie": clearedSessionCookie(context) } });
}
