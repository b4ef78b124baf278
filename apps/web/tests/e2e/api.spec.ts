// The machine-readable surface: health and the section catalogue.
import { expect, test } from "@playwright/test";
import { direct, packs } from "./fixtures";

test("/healthz answers on any host", async ({ request }) => {
  for (const slug of [undefined, "thanh-hoa", "ha-noi"]) {
    const response = await request.get(...direct(slug, "/healthz"));
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  }
});

test("/api/v1/sections lists the tenant's catalogue with owners and duties", async ({ request }) => {
  const response = await request.get(...direct("quang-ninh", "/api/v1/sections"));
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = await response.json();
  expect(body.tenant).toBe("quang-ninh");
  expect(Array.isArray(body.sections)).toBe(true);
  const handbook = body.sections.find((s: { names: { vi: string } }) => s.names.vi === packs["quang-ninh"].uniqueSection);
  expect(handbook).toMatchObject({
    slug: expect.any(String),
    kind: expect.any(String),
    names: { vi: packs["quang-ninh"].uniqueSection, en: expect.any(String), zh: expect.any(String) },
    order: expect.any(Number),
    enabled: expect.any(Boolean),
    categories: expect.any(Array),
  });
  const orders = body.sections.map((s: { order: number }) => s.order);
  expect(orders).toEqual([...orders].sort((a, b) => a - b));
  const withOwners = body.sections.filter((s: { agencies: unknown[] }) => s.agencies.length > 0);
  expect(withOwners.length).toBeGreaterThan(0);
  expect(withOwners[0].agencies[0]).toMatchObject({ key: expect.any(String), names: { vi: expect.any(String) } });
  expect(withOwners[0].agencies[0].duties[0]).toMatchObject({ role: expect.any(String), source: expect.any(String) });
  expect(withOwners[0].agencies[0].duties[0]).toHaveProperty("deadline");

  const ngheAn = await (await request.get(...direct("nghe-an", "/api/v1/sections"))).json();
  expect(ngheAn.tenant).toBe("nghe-an");
  expect(ngheAn.sections.map((s: { names: { vi: string } }) => s.names.vi)).toContain(packs["nghe-an"].uniqueSection);
  expect(ngheAn.sections.map((s: { names: { vi: string } }) => s.names.vi)).not.toContain(packs["quang-ninh"].uniqueSection);
});

test("/api/v1/sections is a JSON 404 on the apex and on unknown hosts", async ({ request }) => {
  for (const slug of [undefined, "ha-noi"]) {
    const response = await request.get(...direct(slug, "/api/v1/sections"));
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(await response.json()).toHaveProperty("error");
  }
});
