// /admin/users: the province's accounts (or, on the apex, the platform operators) and the invitation form.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTimeZone } from "~/components/use-time-zone";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { subject, TENANT_ROLES } from "@cong/authz";
import { inviteUser, listAgencies, listUsers } from "@cong/core";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { CsrfInput } from "~/components/form/csrf-input";
import { CheckboxGroup, ErrorSummary, TextField } from "~/components/form/fields";
import { localized } from "@cong/i18n";
import { auditActor } from "~/utils/actor.server";
import { all, readForm, text } from "~/utils/form.server";
import { mailContext } from "~/utils/mail.server";
import { forbidIf, requireAccess, scopeOf } from "~/utils/session.server";

async function guard(request: Request, context: LoaderFunctionArgs["context"]) {
  const access = await requireAccess(request, context);
  const tenantId = scopeOf(context);
  forbidIf(!access.ability.can("invite", tenantId === null ? "User" : subject("User", { tenantId })), { code: "needs-role" });
  return { ...access, tenantId };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { tenantId } = await guard(request, context);
  const [users, agencies] = await context.unit.run(async (tx) => [await listUsers({ tx, tenantId }), tenantId ? await listAgencies({ tx, tenantId }) : []] as const);
  return { users, agencies, platform: tenantId === null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { viewer, tenantId } = await guard(request, context);
  const form = await readForm(request, context);
  const input = { email: text(form, "email"), name: text(form, "name"), roles: all(form, "roles"), agencies: all(form, "agencies"), unit: text(form, "unit") };
  const mail = await mailContext(request, context);
  const result = await context.unit.run((tx) => inviteUser({ tx, unit: context.unit, tenantId, input, actor: auditActor(viewer, context), mail }));
  if (!result.ok) return data({ ok: false as const, errors: result.errors, input }, { status: 400 });
  return { ok: true as const, errors: null, input: null, invited: result.value.email };
}

export default function Users() {
  const { t, i18n } = useTranslation();
  const { users, agencies, platform } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const timeZone = useTimeZone();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "short", timeStyle: "short", timeZone });
  const labels = { email: t("users.email"), name: t("users.name"), roles: t("users.rolesLabel"), agencies: t("users.agenciesLabel"), unit: t("users.unitLabel") };
  return (
    <>
      <h1>{platform ? t("users.operatorsHeading") : t("users.heading")}</h1>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t("users.name")}</th>
            <th scope="col">{t("users.email")}</th>
            <th scope="col">{t("users.rolesLabel")}</th>
            <th scope="col">{t("users.agenciesLabel")}</th>
            <th scope="col">{t("users.status")}</th>
            <th scope="col">{t("users.lastLogin")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-email={u.email}>
              <th scope="row">{platform ? u.name : <Link to={`/admin/users/${u.id}`}>{u.name}</Link>}</th>
              <td>{u.email}</td>
              <td>{u.roles.map((r) => t(`users.roles.${r}`)).join(", ")}</td>
              <td>{u.agencies.map((k) => localized(agencies.find((a) => a.key === k)?.names ?? { vi: k }, i18n.language).text).join("; ")}</td>
              <td>
                {!u.active ? t("users.inactive") : u.invited ? t("users.invitedPending") : t("users.active")}
              </td>
              <td>{u.lastLoginAt ? date.format(new Date(u.lastLoginAt)) : t("users.never")}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <section className="panel" aria-labelledby="invite">
        <h2 id="invite">{t("users.inviteHeading")}</h2>
        <p className="muted">{t("users.inviteIntro")}</p>
        {result?.ok ? <p role="status">{t("users.invited", { email: result.invited })}</p> : null}
        <ErrorSummary errors={result?.errors} labels={labels} />
        <Form method="post" noValidate key={result?.ok ? "sent" : "form"}>
          <CsrfInput />
          <TextField name="name" label={labels.name} defaultValue={result?.input?.name} errors={result?.errors} required />
          <TextField name="email" type="email" label={labels.email} defaultValue={result?.input?.email} errors={result?.errors} required />
          {platform ? null : (
            <>
              <CheckboxGroup name="roles" legend={labels.roles} options={TENANT_ROLES.map((r) => ({ value: r, label: t(`users.roles.${r}`) }))} checked={result?.input?.roles ?? []} errors={result?.errors} />
              <CheckboxGroup
                name="agencies"
                legend={labels.agencies}
                options={agencies.map((a) => ({ value: a.key, label: localized(a.names, i18n.language).text }))}
                checked={result?.input?.agencies ?? []}
                errors={result?.errors}
              />
              <p className="field-hint">{t("users.agencyHint")}</p>
              <TextField name="unit" label={labels.unit} hint={t("users.unitHint")} defaultValue={result?.input?.unit} errors={result?.errors} maxLength={6} />
            </>
          )}
          <button type="submit" className="button">
            {t("users.invite")}
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
