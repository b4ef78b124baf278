// The embedded demo's figures (issue 10): a plausible month of every series of every province, generated
// from a fixed seed per province (the same figures on every machine), marked as demo so the pages say so.
// A start-up door like seedRegulations: a province that already holds any figure is left alone. Never run
// in production.
import type { Db, Tx } from "@cong/db";
import { withPlatform, withTenant } from "@cong/db";
import { addDays, localDateOf, toUtc } from "@cong/schedule";
import { listFigureSeries, loadUnits, type SeriesInfo } from "./series.ts";

export const DEMO_DAYS = 30;

/** A small deterministic generator (mulberry32), seeded from a string. */
export function random(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
  let a = (h << 13) | (h >>> 19);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A wave over the month: low, rising to a peak around day 18, then easing. */
const wave = (day: number) => 0.25 + Math.exp(-((day - 18) ** 2) / 60);

export async function seedDemoFigures(db: Db, now = new Date()): Promise<{ slug: string; created: number }[]> {
  const tenants = await withPlatform(db, (tx) => tx.tenant.findMany({ select: { id: true, slug: true, timeZone: true } }));
  const out: { slug: string; created: number }[] = [];
  for (const t of tenants) {
    const created = await withTenant(db, t.id, (tx) => seedDemoFiguresIn({ tx, tenantId: t.id, seed: t.slug, timeZone: t.timeZone, now }), { maxWait: 10_000, timeout: 120_000 });
    out.push({ slug: t.slug, created });
  }
  return out;
}

export async function seedDemoFiguresIn({ tx, tenantId, seed, timeZone, now }: { tx: Tx; tenantId: string; seed: string; timeZone: string; now: Date }): Promise<number> {
  if ((await tx.figure.count({ where: { tenantId } })) > 0) return 0;
  const series = await listFigureSeries({ tx, tenantId });
  if (series.length === 0) return 0;
  const { provinceCode, units } = await loadUnits({ tx, tenantId });
  const rand = random(`cong-demo-${seed}`);
  const today = localDateOf(now, timeZone);
  const rows: { tenantId: string; seriesId: string; unitCode: string; slot: Date; value: bigint; demo: boolean; enteredAt: Date }[] = [];
  const push = (s: SeriesInfo, unit: string, slot: Date, value: number) => rows.push({ tenantId, seriesId: s.id, unitCode: unit, slot, value: BigInt(Math.max(0, Math.round(value))), demo: true, enteredAt: slot });
  for (const s of series) {
    const scale = /mui|tiem|dose/.test(s.key) ? 4000 : /pc-covid/.test(s.key) ? 2500 : /qr/.test(s.key) ? 60000 : /nguoi-(vao|ra)/.test(s.key) ? 3000 : /tu-vong/.test(s.key) ? 0.3 : /dang-dieu-tri/.test(s.key) ? 40 : /khoi-benh/.test(s.key) ? 6 : 8;
    // A few dozen localities carry the outbreak; the others stay at zero and are not entered.
    const affected = s.levelKey ? units.filter((u) => u.levelKey === s.levelKey && rand() < 0.12).slice(0, 40) : [];
    const levels = new Map(affected.map((u) => [u.code, 1 + Math.floor(rand() * 3)]));
    for (let d = DEMO_DAYS - 1; d >= 0; d--) {
      const date = addDays(today, -d);
      const day = DEMO_DAYS - 1 - d;
      for (const time of s.times) {
        const slot = toUtc(date, time, timeZone);
        if (slot.getTime() > now.getTime()) continue;
        const perSlot = scale * wave(day) / s.times.length;
        if (s.measure === "level") {
          for (const u of affected) {
            if (rand() < 0.05) levels.set(u.code, Math.min(4, Math.max(1, levels.get(u.code)! + (rand() < 0.5 ? -1 : 1))));
            push(s, u.code, slot, levels.get(u.code)!);
          }
          if (s.province === "entered") push(s, provinceCode, slot, Math.max(...levels.values(), 1));
        } else if (s.levelKey && s.province === "sum") {
          for (const u of affected) push(s, u.code, slot, perSlot * (0.4 + rand() * 1.2));
        } else push(s, provinceCode, slot, perSlot * (0.8 + rand() * 0.4) * (s.levelKey ? 10 : 1));
      }
    }
  }
  for (let i = 0; i < rows.length; i += 2_000) await tx.figure.createMany({ data: rows.slice(i, i + 2_000) });
  return rows.length;
}
