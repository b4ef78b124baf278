// The health endpoint tells a load balancer the truth: 503 with the problem when the database is down.
import { describe, expect, it } from "vitest";
import type { AppLoadContext } from "@remix-run/node";
import { parseEnv } from "@cong/config/env";
import { createStorage } from "@cong/core";
import { checkDb, openUnitOfWork, type Db } from "@cong/db";
import { loader } from "./healthz.ts";

function contextWith(queryRaw: () => Promise<unknown>): AppLoadContext {
  const db = { kind: "postgres", owner: { $queryRaw: queryRaw } } as unknown as Db;
  const services = { mailer: { kind: "outbox" as const, send: async () => {} }, secret: "x".repeat(32), outboxDir: "/nonexistent", storage: createStorage({ kind: "local", dir: "/nonexistent" }), jobs: { publishAt: async () => {}, nudgeDeadlines: async () => {}, stop: async () => {} } };
  // The health check reads the database directly, never through the request's unit (which stays closed).
  return { health: () => checkDb(db), env: parseEnv({}), site: { kind: "apex" }, ip: null, nonce: "n", services, unit: openUnitOfWork(db, { kind: "platform" }) };
}
const args = (context: AppLoadContext) => ({ request: new Request("http://localhost/healthz"), params: {}, context });

describe("GET /healthz", () => {
  it("is 200 ok when the database answers", async () => {
    const response = await loader(args(contextWith(async () => [{ "?column?": 1 }])));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("is 503 naming the problem, without credentials, when it does not", async () => {
    const down = async () => {
      throw new Error("connect ECONNREFUSED for postgres://cong:secret@db.internal:5432/cong");
    };
    const response = await loader(args(contextWith(down)));
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.status).toBe("error");
    expect(body.db).toContain("ECONNREFUSED");
    expect(body.db).not.toContain("secret");
  });
});
