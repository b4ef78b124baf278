// Sign in with email and password on this host: a province's accounts on its host, operators on the
// apex. One answer for every failure; attempts are limited per address (429 with Retry-After), and wrong
// passwords lock an account for a while from the address they came from.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { signIn, signInLimit, takeAttempt } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary, TextField } from "~/components/form/fields";
import { retryAfterHeaders, tooManyAttempts } from "~/utils/attempt-limit.server";
import { readForm, SMALL_FORM_LIMIT, text } from "~/utils/form.server";
import { getLocale } from "~/utils/locale.server";
import { getViewer, safeNext, scopeOf, sessionCookie } from "~/utils/session.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  scopeOf(context);
  if (await getViewer(request, context)) throw redirect(safeNext(new URL(request.url).searchParams.get("next")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const tenantId = scopeOf(context);
  const form = await readForm(request, context, { maxBytes: SMALL_FORM_LIMIT });
  const email = text(form, "email");
  const { secret } = context.services;
  const limit = await context.unit.run((tx) => takeAttempt({ tx, secret, limit: signInLimit(context.env.SIGNIN_ATTEMPTS), ip: context.ip }));
  if (!limit.ok) return tooManyAttempts({ email }, limit);
  const lang = await getLocale(request, context.site);
  const result = await context.unit.run((tx) =>
    signIn({ tx, secret, tenantId, input: { email, password: form.get("password") }, ip: context.ip, userAgent: request.headers.get("user-agent"), lang }),
  );
  if (!result.ok) return data({ email, errors: "errors" in result ? result.errors : { form: ["errors.invalidCredentials"] } }, { status: 400 });
  return redirect(safeNext(text(form, "next")), { headers: { "Set-Cookie": sessionCookie(context, result.token, result.expiresAt) } });
}

export default function Login() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const labels = { email: t("auth.email"), password: t("auth.password") };
  return (
    <section className="auth-card">
      <h1>{t("auth.signInHeading")}</h1>
      {params.get("done") === "reset" ? <p role="status">{t("auth.doneReset")}</p> : null}
      {params.get("done") === "invite" ? <p role="status">{t("auth.doneInvite")}</p> : null}
      <ErrorSummary errors={result?.errors} labels={labels} />
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="next" value={params.get("next") ?? ""} />
        <TextField name="email" type="email" label={labels.email} autoComplete="username" defaultValue={result?.email} errors={result?.errors} required />
        <TextField name="password" type="password" label={labels.password} autoComplete="current-password" errors={result?.errors} required />
        <button type="submit" className="button">
          {t("auth.signIn")}
        </button>
      </Form>
      <p>
        <Link to="/admin/forgot">{t("auth.forgotLink")}</Link>
      </p>
    </section>
  );
}

export const headers = retryAfterHeaders;
export const meta: MetaFunction = () => [{ title: "Cổng" }, { name: "robots", content: "noindex, nofollow" }];
export const ErrorBoundary = AdminErrorBoundary;
