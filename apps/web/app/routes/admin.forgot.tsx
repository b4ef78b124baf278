// "Forgot your password?": always the same answer, so the page never tells whether an account exists.
// Requests are limited per client address (each may send a mail): 429 with Retry-After past the limit.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RESET_REQUEST_LIMIT, requestPasswordReset, takeAttempt } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary, TextField } from "~/components/form/fields";
import { retryAfterHeaders, tooManyAttempts } from "~/utils/attempt-limit.server";
import { readForm, SMALL_FORM_LIMIT, text } from "~/utils/form.server";
import { mailContext } from "~/utils/mail.server";
import { scopeOf } from "~/utils/session.server";

export async function loader({ context }: LoaderFunctionArgs) {
  scopeOf(context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const tenantId = scopeOf(context);
  const form = await readForm(request, context, { maxBytes: SMALL_FORM_LIMIT });
  const email = text(form, "email");
  const { secret } = context.services;
  const limit = await context.unit.run((tx) => takeAttempt({ tx, secret, limit: RESET_REQUEST_LIMIT, ip: context.ip }));
  if (!limit.ok) return tooManyAttempts({ sent: false, email }, limit);
  const mail = await mailContext(request, context);
  const result = await context.unit.run((tx) => requestPasswordReset({ tx, unit: context.unit, tenantId, email, mail, ip: context.ip }));
  if (!result.ok) return data({ sent: false, email, errors: result.errors }, { status: 400 });
  return { sent: true, email, errors: null };
}

export default function Forgot() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  if (result?.sent)
    return (
      <section className="auth-card">
        <h1>{t("auth.forgotHeading")}</h1>
        <p role="status">{t("auth.forgotSent")}</p>
        <p>
          <Link to="/admin/login">{t("auth.backToSignIn")}</Link>
        </p>
      </section>
    );
  return (
    <section className="auth-card">
      <h1>{t("auth.forgotHeading")}</h1>
      <p>{t("auth.forgotIntro")}</p>
      <ErrorSummary errors={result?.errors} labels={{ email: t("auth.email") }} />
      <Form method="post" noValidate>
        <CsrfInput />
        <TextField name="email" type="email" label={t("auth.email")} autoComplete="username" defaultValue={result?.email} errors={result?.errors} required />
        <button type="submit" className="button">
          {t("auth.forgotSubmit")}
        </button>
      </Form>
    </section>
  );
}

export const headers = retryAfterHeaders;
export const ErrorBoundary = AdminErrorBoundary;
