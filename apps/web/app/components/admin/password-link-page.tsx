// The page behind a one-time link: choose a password (reset) or set the first one (invitation).
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary, TextField } from "~/components/form/fields";
import type { passwordLinkAction, passwordLinkLoader } from "~/utils/password-link.server";

export function PasswordLinkPage({ kind }: { kind: "reset" | "invite" }) {
  const { t } = useTranslation();
  const link = useLoaderData<ReturnType<typeof passwordLinkLoader>>();
  const result = useActionData<ReturnType<typeof passwordLinkAction>>();
  const heading = t(kind === "reset" ? "auth.resetHeading" : "auth.inviteHeading");
  if (!link.valid)
    return (
      <section className="auth-card">
        <h1>{heading}</h1>
        <p role="alert">{t("errors.linkExpired")}</p>
        <p>
          <Link to="/admin/forgot">{t("auth.forgotLink")}</Link>
        </p>
      </section>
    );
  const labels = { password: t("auth.newPassword"), confirm: t("auth.confirmPassword") };
  return (
    <section className="auth-card">
      <h1>{heading}</h1>
      <p>{t(kind === "reset" ? "auth.resetIntro" : "auth.inviteIntro", { name: link.name, email: link.email })}</p>
      <ErrorSummary errors={result?.errors} labels={labels} />
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="username" value={link.email ?? ""} autoComplete="username" />
        <TextField name="password" type="password" label={labels.password} hint={t("auth.passwordRule")} autoComplete="new-password" errors={result?.errors} required />
        <TextField name="confirm" type="password" label={labels.confirm} autoComplete="new-password" errors={result?.errors} required />
        <button type="submit" className="button">
          {t(kind === "reset" ? "auth.resetSubmit" : "auth.inviteSubmit")}
        </button>
      </Form>
    </section>
  );
}
