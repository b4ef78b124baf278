// The health check answers quickly, and its error names the problem without the credentials.
import { expect, it } from "vitest";
import { checkDb, redact } from "./health.ts";
import { openDb } from "./open-db.ts";
import { describeBackends } from "./testing/describe.ts";

describeBackends("checkDb", ({ db }) => {
  it("reports a working database as ok", async () => {
    expect(await checkDb(db())).toEqual({ ok: true });
  });
});

it("reports an unreachable server without leaking its password", async () => {
  const db = await openDb({ databaseUrl: "postgres://cong:s3cret-pw@127.0.0.1:1/cong" });
  try {
    const health = await checkDb(db, { timeoutMs: 3_000 });
    expect(health.ok).toBe(false);
    if (!health.ok) {
      expect(health.error).toMatch(/^postgres database unavailable: /);
      expect(health.error).not.toContain("s3cret-pw");
    }
  } finally {
    await db.close();
  }
});

it("redacts passwords in connection URLs", () => {
  expect(redact("cannot reach postgresql://app:hunter2@db.example:5432/x")).toBe("cannot reach postgresql://***@db.example:5432/x");
});
