// Reminders to the responsible agency's editors (answerers, for answering duties): once some time before
// an update falls due, and once when it becomes overdue. A reminder is claimed by inserting its row
// (unique per instance, kind and person) before the mail goes out, so it is never sent twice — not after
// a restart, not with two app instances working at once. claimReminders claims in the caller's
// transaction and hands back the mail; whoever holds the transaction sends it once the claims are
// committed. sendReminders is the job's door: it claims in a transaction of its own, then sends.
import type { TenantPack } from "@cong/config";
import type { Db, Tx } from "@cong/db";
import { withTenant } from "@cong/db";
import { localized, translate, type Language } from "@cong/i18n";
import type { Mailer, MailMessage } from "../mail/mailer.ts";
import { asLocalized } from "../json.ts";

const DAY = 86_400_000;

/** The job's door: claims one province's reminders in a transaction of its own, then sends them. */
export async function sendReminders(db: Db, tenantId: string, o: { mailer: Mailer; baseUrl: string; now?: Date }): Promise<{ sent: number }> {
  const messages = await withTenant(db, tenantId, (tx) => claimReminders({ tx, tenantId, baseUrl: o.baseUrl, now: o.now }));
  // Mail goes out after the claims are committed: a failed send is logged by the caller, never repeated.
  for (const m of messages) await o.mailer.send(m);
  return { sent: messages.length };
}

/** Claims the reminders due now and returns their mail, to be sent only after the claims commit. */
export async function claimReminders({ tx, tenantId, baseUrl, now = new Date() }: { tx: Tx; tenantId: string; baseUrl: string; now?: Date }): Promise<MailMessage[]> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { pack: true, defaultLocale: true, portalTitle: true, timeZone: true } });
  const settings = (tenant.pack as unknown as Partial<TenantPack>).reminders ?? { beforeMinutes: 60, overdue: true };
  const lang = tenant.defaultLocale as Language;
  const soon = settings.beforeMinutes > 0 ? new Date(now.getTime() + settings.beforeMinutes * 60_000) : now;
  const candidates = await tx.dueInstance.findMany({
    where: {
      tenantId,
      OR: [
        ...(settings.beforeMinutes > 0 ? [{ status: "open", dueAt: { gt: now, lte: soon } }] : []),
        ...(settings.overdue ? [{ status: "overdue", dueAt: { gt: new Date(now.getTime() - 2 * DAY) } }] : []),
      ],
    },
    include: { agency: { select: { names: true, members: { select: { user: { select: { id: true, email: true, name: true, roles: true, active: true } } } } } }, section: { select: { names: true, slug: true } } },
  });
  const out: MailMessage[] = [];
  const when = new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : lang, { hour: "2-digit", minute: "2-digit", hour12: false, day: "2-digit", month: "2-digit", year: "numeric", timeZone: tenant.timeZone });
  for (const inst of candidates) {
    const kind = inst.status === "overdue" ? "overdue" : "before";
    const needs = inst.role === "answer" ? "answerer" : "editor";
    for (const { user } of inst.agency.members) {
      if (!user.active || !user.roles.includes(needs)) continue;
      const claimed = await tx.reminder.createMany({ data: [{ tenantId, dueInstanceId: inst.id, kind, userId: user.id, sentAt: now }], skipDuplicates: true });
      if (claimed.count !== 1) continue;
      const vars = {
        name: user.name,
        portal: localized(asLocalized(tenant.portalTitle), lang).text,
        agency: localized(asLocalized(inst.agency.names), lang).text,
        section: localized(asLocalized(inst.section.names), lang).text,
        due: when.format(inst.dueAt),
        source: inst.source,
        url: `${baseUrl}/admin/sections/${inst.section.slug}`,
      };
      out.push({ to: user.email, subject: translate(lang, `mail.reminder.${kind}.subject`, vars), text: translate(lang, `mail.reminder.${kind}.body`, vars) });
    }
  }
  return out;
}
