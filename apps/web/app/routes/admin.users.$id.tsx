// /admin/users/<id>: change an account's name, roles and agencies; deactivate it and hand its
// assignments over (3691/QĐ-UBND Điều 6.5); reactivate it; send its invitation again.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { subject, TENANT_ROLES } from "@cong/authz";
import { deactivateUser, listAgencies, listUsers, reactivateUser, resendInvitation, updateUser } from "@cong/core";
import { localized } from "@cong/i18n";
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { CsrfInput } from "~/components/form/csrf-input";
import { CheckboxGroup, ErrorSummary, SelectField, TextField } from "~/components/form/fields";
import { auditActor } from "~/utils/actor.server";
import { all, readForm, text } from "~/utils/form.server";
import { mailContext } from "~/utils/mail.server";
import { adminNotFound, uuidParam } from "~/utils/not-found.server";
import { forbidIf, requireAccess } from "~/utils/session.server";

async function guard(request: Request, context: LoaderFunctionArgs["context"]) {
  const access = await requireAccess(request, context);
  if (context.site.kind !== "tenant") throw data({ reason: "not-found" }, { status: 404 });
  const tenantId = context.site.tenant.id;
  forbidIf(!access.ability.can("update", subject("User", { tenantId })), { code: "needs-role" });
  return { ...access, tenantId };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { tenantId } = await guard(request, context);
  const userId = uuidParam(params.id);
  const [users, agencies] = await context.unit.run(async (tx) => [await listUsers({ tx, tenantId }), await listAgencies({ tx, tenantId })] as const);
  const user = users.find((u) => u.id === userId) ?? adminNotFound();
  const successors = users.filter((u) => u.active && u.id !== user.id).map((u) => ({ id: u.id, label: `${u.name} <${u.email}>` }));
  return { user, agencies, successors };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, tenantId, ability } = await guard(request, context);
  const form = await readForm(request, context);
  const userId = uuidParam(params.id);
  const actor = auditActor(viewer, context);
  const intent = text(form, "intent");
  if (intent === "update") {
    const input = { name: text(form, "name"), roles: all(form, "roles"), agencies: all(form, "agencies"), unit: text(form, "unit") };
    const result = await context.unit.run((tx) => updateUser({ tx, tenantId, userId, input, actor }));
    if (!result.ok) return data({ intent, errors: result.errors, message: null }, { status: 400 });
    return { intent, errors: null, message: "users.updated" };
  }
  if (intent === "deactivate") {
    forbidIf(!ability.can("deactivate", subject("User", { tenantId })));
    const result = await context.unit.run((tx) => deactivateUser({ tx, tenantId, userId, input: { transferTo: text(form, "transferTo") }, actor }));
    if (!result.ok) return data({ intent, errors: result.errors, message: null }, { status: 400 });
    return redirect(`/admin/users/${userId}?ended=${result.value.sessionsEnded}`);
  }
  if (intent === "reactivate") {
    forbidIf(!ability.can("deactivate", subject("User", { tenantId })));
    const result = await context.unit.run((tx) => reactivateUser({ tx, tenantId, userId, actor }));
    if (!result.ok) return data({ intent, errors: result.errors, message: null }, { status: 400 });
    return { intent, errors: null, message: "users.reactivated" };
  }
  if (intent === "resend") {
    const mail = await mailContext(request, context);
    const result = await context.unit.run((tx) => resendInvitation({ tx, unit: context.unit, tenantId, userId, actor, mail }));
    if (!result.ok) return data({ intent, errors: result.errors, message: null }, { status: 400 });
    return { intent, errors: null, message: "users.invited" };
  }
  return data({ intent, errors: { form: ["errors.invalidValue"] }, message: null }, { status: 400 });
}

export default function EditUser() {
  const { t, i18n } = useTranslation();
  const { user, agencies, successors } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const ended = params.get("ended");
  const labels = { name: t("users.name"), roles: t("users.rolesLabel"), agencies: t("users.agenciesLabel"), unit: t("users.unitLabel"), transferTo: t("users.transferTo") };
  const errorsFor = (intent: string) => (result?.intent === intent ? result.errors : null);
  return (
    <>
      <h1>{t("users.editHeading", { email: user.email })}</h1>
      <p>
        {t("users.status")}: <strong data-testid="user-status">{user.active ? (user.invited ? t("users.invitedPending") : t("users.active")) : t("users.inactive")}</strong>
        {" · "}
        {t("users.sessions")}: {user.openSessions}
      </p>
      {result?.message ? <p role="status">{t(result.message, { email: user.email })}</p> : null}
      {ended !== null && !user.active ? <p role="status">{t("users.deactivated", { sessions: ended })}</p> : null}

      <section className="panel">
        <ErrorSummary errors={errorsFor("update")} labels={labels} />
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="update" />
          <TextField name="name" label={labels.name} defaultValue={user.name} errors={errorsFor("update")} required />
          <CheckboxGroup name="roles" legend={labels.roles} options={TENANT_ROLES.map((r) => ({ value: r, label: t(`users.roles.${r}`) }))} checked={user.roles} errors={errorsFor("update")} />
          <CheckboxGroup
            name="agencies"
            legend={labels.agencies}
            options={agencies.map((a) => ({ value: a.key, label: localized(a.names, i18n.language).text }))}
            checked={user.agencies}
            errors={errorsFor("update")}
          />
          <TextField name="unit" label={labels.unit} hint={t("users.unitHint")} defaultValue={user.unit ?? ""} errors={errorsFor("update")} maxLength={6} />
          <button type="submit" className="button">
            {t("admin.save")}
          </button>
        </Form>
        {user.invited && user.active ? (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="resend" />
            <button type="submit" className="button secondary">
              {t("users.resendInvite")}
            </button>
          </Form>
        ) : null}
      </section>

      {user.active ? (
        <section className="panel danger" aria-labelledby="handover">
          <h2 id="handover">{t("users.handoverHeading")}</h2>
          <p>{t("users.handoverIntro")}</p>
          <ErrorSummary errors={errorsFor("deactivate")} labels={labels} />
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="deactivate" />
            <SelectField
              name="transferTo"
              label={labels.transferTo}
              options={[{ value: "", label: t("users.noTransfer") }, ...successors.map((s) => ({ value: s.id, label: s.label }))]}
              errors={errorsFor("deactivate")}
            />
            <button type="submit" className="button danger">
              {t("users.deactivate")}
            </button>
          </Form>
        </section>
      ) : (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="reactivate" />
          <ErrorSummary errors={errorsFor("reactivate")} labels={labels} />
          <button type="submit" className="button">
            {t("users.reactivate")}
          </button>
        </Form>
      )}
    </>
  );
}

export const ErrorBoundary = AdminErrorBoundary;
