// Every action reads its form through here: the CSRF token is checked first, and a refused form is a
// 403 with a message in the page language, never a half-done write.
import { data, type AppLoadContext } from "@remix-run/node";
import { csrfValid, CSRF_FIELD } from "~/utils/csrf.server";

export async function readForm(request: Request, context: AppLoadContext): Promise<FormData> {
  const form = await request.formData();
  if (!csrfValid(request, context, form.get(CSRF_FIELD))) throw data({ reason: "csrf" as const }, { status: 403 });
  return form;
}

/** A text field, trimmed; absent or empty is "". */
export function text(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === "string" ? v.trim() : "";
}

/** Every value of a repeated field (checkboxes, multi-selects). */
export function all(form: FormData, name: string): string[] {
  return form.getAll(name).filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim());
}
