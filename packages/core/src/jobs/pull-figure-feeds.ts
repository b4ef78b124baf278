// The job door for figure feeds (issue 10): every minute, each province's series whose feed is due (its
// last pull older than the pack's `every` minutes) is fetched outside any transaction, then written with
// its log line in the province's own (figure-feed.ts). A failed pull is logged and tried again when the
// feed is next due; it never writes half a file.
import type { Db } from "@cong/db";
import { withPlatform, withTenant } from "@cong/db";
import { applyFigureFeed, feedIsDue, fetchFeed, listFeedSeries } from "../figures/figure-feed.ts";

export type FeedRound = { pulled: number; failed: number };

export async function pullFigureFeeds(o: { db: Db; now?: Date; fetchImpl?: typeof fetch }): Promise<FeedRound> {
  const now = o.now ?? new Date();
  const tenants = await withPlatform(o.db, (tx) => tx.tenant.findMany({ select: { id: true, timeZone: true } }));
  const round: FeedRound = { pulled: 0, failed: 0 };
  for (const t of tenants) {
    const due = (await withTenant(o.db, t.id, (tx) => listFeedSeries({ tx, tenantId: t.id }))).filter((s) => feedIsDue(s, now));
    for (const series of due) {
      const fetched = await fetchFeed(series.feed.url, o.fetchImpl);
      const r = await withTenant(o.db, t.id, (tx) => applyFigureFeed({ tx, tenantId: t.id, timeZone: t.timeZone, series, fetched, now }));
      if (r.ok) round.pulled++;
      else round.failed++;
    }
  }
  return round;
}
