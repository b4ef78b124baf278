// Small pieces the deadline pages share: a status badge, a lateness, a rule in words, a due time.
import { useTranslation } from "react-i18next";
import { useTimeZone } from "~/components/use-time-zone";

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`status status-${status}`}>{t(`deadlines.statuses.${status}`)}</span>;
}

export function Lateness({ seconds }: { seconds: number | null }) {
  const { t } = useTranslation();
  if (seconds === null || seconds <= 0) return <>{t("deadlines.none")}</>;
  const minutes = Math.floor(seconds / 60);
  const parts = { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
  return <span data-late-days={parts.days}>{t(parts.days > 0 ? "deadlines.lateness" : "deadlines.latenessHours", parts)}</span>;
}

export function RuleText({ rule }: { rule: unknown }) {
  const { t } = useTranslation();
  const r = (rule ?? {}) as { kind?: string; times?: string[]; time?: string; count?: number; hours?: number; days?: number; after?: string };
  if (!r.kind) return null;
  return (
    <>
      {t(`deadlines.explain.rules.${r.kind}`, {
        times: (r.times ?? []).join(", "),
        time: r.time ?? "",
        count: r.count ?? 1,
        hours: r.hours ?? 0,
        days: r.days ?? 0,
        after: r.after ? t(`deadlines.explain.events.${r.after}`) : "",
      })}
    </>
  );
}

export function useDateTime() {
  const { i18n } = useTranslation();
  const timeZone = useTimeZone();
  const f = new Intl.DateTimeFormat(i18n.language, { dateStyle: "short", timeStyle: "short", timeZone });
  return (d: Date | string | null) => (d ? f.format(new Date(d)) : "—");
}
