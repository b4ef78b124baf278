// Attempt limits kept in the database, on both backends: one budget however many app instances count
// against it, never exceeded under concurrency, not reset by a flood of other addresses, over when the
// window has passed, and out of reach of the runtime role except through take_attempt.
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDb, withPlatform, withTenant, type Db } from "@cong/db";
import { describeBackends, inUnit, TEST_POSTGRES_URL } from "@cong/db/testing";
import type { Limit } from "./limits.ts";
import { RESET_REQUEST_LIMIT, signInLimit } from "./limits.ts";
import { takeAttempt } from "./take-attempt.ts";

const secret = "test-secret-0123456789abcdef0123456789abcdef";
const limit: Limit = { name: "test", max: 5, windowMs: 10 * 60_000 };

describeBackends("attempt limits", ({ db, kind }) => {
  /** A second app instance: its own connection pool on the same PostgreSQL database. */
  let other: Db | undefined;
  beforeAll(async () => {
    if (kind !== "postgres") return;
    const [row] = await db().owner.$queryRaw<{ name: string }[]>`select current_database() as name`;
    const url = new URL(TEST_POSTGRES_URL);
    url.pathname = `/${row!.name}`;
    other = await openDb({ databaseUrl: url.toString() });
  });
  afterAll(async () => {
    await other?.close();
  });
  const take = (ip: string, options: { limit?: Limit; via?: Db } = {}) => inUnit(options.via ?? db(), { kind: "platform" }, (tx) => takeAttempt({ tx, secret, limit: options.limit ?? limit, ip }));
  /** Lets time pass for every counter (they run on the database's clock). */
  const elapse = (ms: number) => db().owner.$executeRaw`update attempt_counter set resets_at = resets_at - ${ms}::float8 * interval '1 millisecond'`;

  it("allows the limit in a window, then refuses with the seconds to wait, and allows again once it has passed", async () => {
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await take("192.0.2.1"));
    expect(results.slice(0, 5).map((r) => r.ok)).toEqual([true, true, true, true, true]);
    expect(results[5]).toMatchObject({ ok: false, errors: { form: ["errors.tooManyAttempts"] } });
    expect(results[5]!.ok ? 0 : results[5]!.retryAfter).toBeGreaterThanOrEqual(599);
    expect(results[5]!.ok ? 0 : results[5]!.retryAfter).toBeLessThanOrEqual(600);
    // nine minutes later: still refused, and refused attempts have not made the wait longer
    await elapse(9 * 60_000);
    const waiting = await take("192.0.2.1");
    expect(waiting.ok ? 0 : waiting.retryAfter).toBeLessThanOrEqual(60);
    await elapse(61_000);
    expect((await take("192.0.2.1")).ok).toBe(true);
    // another address and another limit have budgets of their own
    expect((await take("192.0.2.2")).ok).toBe(true);
    for (let i = 0; i < 5; i++) await take("192.0.2.3");
    expect((await take("192.0.2.3")).ok).toBe(false);
    expect((await take("192.0.2.3", { limit: RESET_REQUEST_LIMIT })).ok).toBe(true);
  });

  it("ends a window on the clock, with no help", async () => {
    const short: Limit = { name: "short", max: 2, windowMs: 400 };
    expect([(await take("192.0.2.9", { limit: short })).ok, (await take("192.0.2.9", { limit: short })).ok, (await take("192.0.2.9", { limit: short })).ok]).toEqual([true, true, false]);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await take("192.0.2.9", { limit: short })).ok).toBe(true);
  });

  it("counts every address of one IPv6 /64 against one budget", async () => {
    for (let i = 1; i <= 5; i++) expect((await take(`2001:db8:7:1::${i}`)).ok).toBe(true);
    expect((await take("2001:db8:7:1:abcd::99")).ok).toBe(false);
    expect((await take("2001:db8:7:2::1")).ok).toBe(true);
  });

  it(`never lets concurrent attempts past the budget${kind === "postgres" ? ", with two app instances sharing one" : ""}`, async () => {
    const instances = other ? [db(), other] : [db()];
    const budget = signInLimit(20);
    const results = await Promise.all(Array.from({ length: 80 }, (_, i) => take("198.51.100.7", { limit: budget, via: instances[i % instances.length] })));
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    // and the next attempt, through either instance, is refused
    for (const via of instances) expect((await take("198.51.100.7", { limit: budget, via })).ok).toBe(false);
  });

  it("is not reset by attempts from many other addresses", async () => {
    for (let i = 0; i < 5; i++) await take("203.0.113.50");
    expect((await take("203.0.113.50")).ok).toBe(false);
    // 12,000 other clients, each counted once (the in-memory limiter forgot everyone at 10,000)
    const flood = await withPlatform(db(), (tx) =>
      tx.$queryRaw<{ allowed: number }[]>`
        select count(*) filter (where (t).allowed)::int as allowed
        from (select take_attempt(sha256(convert_to('flood-' || i, 'UTF8')), 5, interval '10 minutes') as t
              from generate_series(1, 12000) i) s`,
    );
    expect(flood[0]!.allowed).toBe(12000);
    expect((await take("203.0.113.50")).ok).toBe(false);
  });

  it("keeps only digests, hidden from the runtime role, and removes expired counters as it goes", async () => {
    await take("192.0.2.200");
    const keys = await db().owner.$queryRaw<{ key: Uint8Array }[]>`select key from attempt_counter`;
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.key.length === 32)).toBe(true);
    expect(keys.some((k) => Buffer.from(k.key).toString("latin1").includes("192.0.2.200"))).toBe(false);
    // a raw address cannot be stored even by the owner
    await expect(db().owner.$executeRaw`insert into attempt_counter (key, hits, resets_at) values (convert_to('192.0.2.200', 'UTF8'), 1, now())`).rejects.toThrow();

    const tenant = "00000000-0000-4000-8000-000000000001";
    for (const run of [(sql: string) => withPlatform(db(), (tx) => tx.$executeRawUnsafe(sql)), (sql: string) => withTenant(db(), tenant, (tx) => tx.$executeRawUnsafe(sql))]) {
      await expect(run("select count(*) from attempt_counter")).rejects.toThrow(/permission denied|42501/);
      await expect(run("delete from attempt_counter")).rejects.toThrow(/permission denied|42501/);
      await expect(run("update attempt_counter set hits = 1")).rejects.toThrow(/permission denied|42501/);
    }

    // Counters whose window ended (by the database's clock) go, a couple per attempt.
    await db().owner.$executeRaw`
      insert into attempt_counter (key, hits, resets_at)
      select sha256(convert_to('old-' || i, 'UTF8')), 3, now() - interval '1 hour' from generate_series(1, 3) i`;
    const expired = () => db().owner.$queryRaw<{ n: number }[]>`select count(*)::int as n from attempt_counter where resets_at < now()`.then((r) => r[0]!.n);
    expect(await expired()).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < 20 && (await expired()) > 0; i++) await take(`192.0.2.${i}`);
    expect(await expired()).toBe(0);
  });
});
