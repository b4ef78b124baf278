// The publishing steps the viewer may take with this item now (from the matrix, via the server), and the
// revision history: who changed what and when, with the words added and removed.
import { Form } from "@remix-run/react";
import { useTimeZone } from "~/components/use-time-zone";
import { useTranslation } from "react-i18next";
import type { RevisionView, Transition } from "@cong/core";
import { CsrfInput } from "~/components/form/csrf-input";
import { ErrorSummary, TextField, type FieldErrors } from "~/components/form/fields";

export function ItemWorkflow({ status, publishAt, transitions, review, errors }: { status: string; publishAt: Date | null; transitions: Transition[]; review: boolean; errors: FieldErrors | null }) {
  const { t, i18n } = useTranslation();
  const timeZone = useTimeZone();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone });
  const simple = transitions.filter((x) => x !== "schedule" && x !== "return");
  return (
    <section className="panel workflow" aria-labelledby="workflow">
      <h2 id="workflow">{t("items.workflow.heading")}</h2>
      <p data-testid="item-status">{t("items.workflow.status", { status: t(`items.statuses.${status}`) })}</p>
      {status === "scheduled" && publishAt ? <p>{t("items.workflow.scheduledFor", { when: date.format(new Date(publishAt)) })}</p> : null}
      {review ? <p className="muted">{t("items.workflow.reviewRequired")}</p> : null}
      <ErrorSummary errors={errors} labels={{ publishAt: t("items.workflow.publishAt"), note: t("items.workflow.note") }} />
      {transitions.length === 0 ? <p>{t("items.workflow.nothing")}</p> : null}
      <div className="actions">
        {simple.map((x) => (
          <Form method="post" key={x}>
            <CsrfInput />
            <input type="hidden" name="intent" value="transition" />
            <button type="submit" name="action" value={x} className={x === "withdraw" ? "button danger" : "button"}>
              {t(`items.actions.${x}`)}
            </button>
          </Form>
        ))}
      </div>
      {transitions.includes("schedule") ? (
        <Form method="post" className="inline-form">
          <CsrfInput />
          <input type="hidden" name="intent" value="transition" />
          <TextField name="publishAt" type="datetime-local" step={1} label={t("items.workflow.publishAt")} errors={errors} />
          <button type="submit" name="action" value="schedule" className="button secondary">
            {t("items.actions.schedule")}
          </button>
        </Form>
      ) : null}
      {transitions.includes("return") ? (
        <Form method="post" className="inline-form">
          <CsrfInput />
          <input type="hidden" name="intent" value="transition" />
          <TextField name="note" label={t("items.workflow.note")} errors={errors} />
          <button type="submit" name="action" value="return" className="button secondary">
            {t("items.actions.return")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export function RevisionHistory({ revisions }: { revisions: RevisionView[] }) {
  const { t, i18n } = useTranslation();
  const timeZone = useTimeZone();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "short", timeStyle: "medium", timeZone });
  return (
    <section aria-labelledby="history" className="history">
      <h2 id="history">{t("items.history.heading")}</h2>
      <ol reversed>
        {revisions.map((r) => (
          <li key={r.id} data-action={r.action}>
            <p>
              <strong>
                {t("items.history.entry", {
                  version: r.version,
                  action: t(`items.revisionActions.${r.action}`),
                  who: r.actorEmail === "system" || !r.actorEmail ? t("items.history.system") : r.actorEmail,
                  when: date.format(new Date(r.at)),
                })}
              </strong>
              {r.note ? <span className="muted"> — {r.note}</span> : null}
            </p>
            {r.changes.length === 0 ? (
              <p className="muted">{t("items.history.noChanges")}</p>
            ) : (
              <dl className="diff">
                {r.changes.map((c) => (
                  <div key={c.field}>
                    <dt>{c.field}</dt>
                    <dd>
                      {c.parts
                        ? c.parts.map((p, i) => (p.added ? <ins key={i}>{p.value}</ins> : p.removed ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>))
                        : c.change}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
