// The background jobs, kept in the database by pg-boss (docs/decisions/0006): scheduled publishing, and
// the deadline engine's round (materialise and evaluate due instances, send reminders). Jobs survive
// restarts, are picked up by one instance at a time (SKIP LOCKED), and the work itself is idempotent, so
// two app instances on one database never publish or remind twice. Works on PGlite and on a server.
// Starting never changes the queue's schema: that is the owner's work (prepare-jobs.ts, run by
// `npm run db:migrate`), so the server's runtime login needs only the rights on the queue's rows.
import type { Db } from "@cong/db";
import { withPlatform } from "@cong/db";
import PgBoss from "pg-boss";
import { refreshDeadlines } from "../deadlines/refresh-deadlines.ts";
import { sendReminders } from "../deadlines/send-reminders.ts";
import { publishDueItems } from "../items/publish-due-items.ts";
import { pullFigureFeeds } from "./pull-figure-feeds.ts";
import type { Mailer } from "../mail/mailer.ts";

export const QUEUES = { publish: "publish-due", deadlines: "deadlines", feeds: "figure-feeds" } as const;

export type Jobs = {
  /** Publishing at a given time (an item was scheduled): a job that becomes due then. */
  publishAt(at: Date): Promise<void>;
  /** Runs the deadline round soon (after a publish, an event recorded…). */
  nudgeDeadlines(): Promise<void>;
  stop(): Promise<void>;
};

export type JobOptions = {
  db: Db;
  mailer: Mailer;
  /** The address of a province's portal, for links in reminders. */
  tenantUrl: (slug: string) => string;
  pollSeconds: number;
  log: (line: string) => void;
};

export async function runDeadlineRound(o: Pick<JobOptions, "db" | "mailer" | "tenantUrl">, now = new Date()) {
  const tenants = await withPlatform(o.db, (tx) => tx.tenant.findMany({ select: { id: true, slug: true } }));
  let created = 0;
  let changed = 0;
  let sent = 0;
  for (const t of tenants) {
    const r = await refreshDeadlines(o.db, t.id, now);
    created += r.created;
    changed += r.changed;
    sent += (await sendReminders(o.db, t.id, { mailer: o.mailer, baseUrl: o.tenantUrl(t.slug), now })).sent;
  }
  return { created, changed, sent };
}

export async function startJobs(o: JobOptions): Promise<Jobs> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => o.db.executeSql(text, values) },
    schema: "pgboss",
    supervise: true,
    schedule: true,
    migrate: false,
  });
  boss.on("error", (error: Error) => o.log(`jobs: ${error.message.split("\n")[0]}`));
  const notReady = (why: string) =>
    new Error(`the job queue is not ready (${why}): run \`npm run db:migrate\` with the owner's login (DATABASE_OWNER_URL)`);
  try {
    await boss.start();
  } catch (error) {
    throw notReady(error instanceof Error ? error.message : String(error));
  }
  for (const name of Object.values(QUEUES)) {
    if (await boss.getQueue(name)) continue;
    await boss.stop({ graceful: false, wait: true });
    throw notReady(`no queue "${name}"`);
  }

  const poll = { pollingIntervalSeconds: Math.max(0.5, o.pollSeconds) };
  await boss.work(QUEUES.publish, poll, async () => {
    const { published } = await publishDueItems(o.db);
    if (published > 0) o.log(`jobs: ${published} scheduled item(s) published`);
  });
  await boss.work(QUEUES.deadlines, poll, async () => {
    const r = await runDeadlineRound(o);
    if (r.sent > 0 || r.created > 0) o.log(`jobs: deadlines ${r.created} new due instance(s), ${r.changed} evaluated, ${r.sent} reminder(s) sent`);
  });
  await boss.work(QUEUES.feeds, poll, async () => {
    const r = await pullFigureFeeds({ db: o.db });
    if (r.pulled > 0 || r.failed > 0) o.log(`jobs: figure feeds ${r.pulled} pulled, ${r.failed} failed (see the feed log)`);
  });
  // Every minute as a safety net, and once now: what fell due while the server was down is caught up.
  await boss.schedule(QUEUES.publish, "* * * * *");
  await boss.schedule(QUEUES.deadlines, "* * * * *");
  // Each feed has its own interval (pack data); the job looks every minute for those that are due.
  await boss.schedule(QUEUES.feeds, "* * * * *");
  await boss.send(QUEUES.publish, {});
  await boss.send(QUEUES.deadlines, {});

  return {
    async publishAt(at) {
      await boss.send(QUEUES.publish, {}, { startAfter: at });
    },
    async nudgeDeadlines() {
      await boss.send(QUEUES.deadlines, {}, { singletonKey: "nudge", singletonSeconds: 5 });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    },
  };
}
