// The answer of a form whose attempt limit is used up (sign-in, "forgot your password?"): 429 with the
// form's data, the translated message and Retry-After. Remix passes an action's headers (other than
// cookies) on to the page only through the route's `headers` export, hence retryAfterHeaders.
import { data, type HeadersFunction } from "@remix-run/node";

export function tooManyAttempts<T extends Record<string, unknown>>(body: T, refused: { errors: Record<string, string[]>; retryAfter: number }) {
  return data({ ...body, errors: refused.errors }, { status: 429, headers: { "Retry-After": String(refused.retryAfter) } });
}

/** The route's `headers`: what the layouts set, plus the action's Retry-After when it refused. */
export const retryAfterHeaders: HeadersFunction = ({ parentHeaders, actionHeaders }) => {
  const headers = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
