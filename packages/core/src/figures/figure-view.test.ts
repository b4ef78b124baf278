// The period and locality a figures page shows, from its address (issue 10).
import { describe, expect, it } from "vitest";
import type { UnitRow } from "../units/answered-units.ts";
import { FIGURE_DAYS, parseFigureView } from "./figure-view.ts";

const units: UnitRow[] = [
  { code: "412", name: "Thành phố Vinh", type: "Thành phố", levelKey: "district", parentCode: "40" },
  { code: "16681", name: "Phường Hưng Bình", type: "Phường", levelKey: "commune", parentCode: "412" },
];
const now = new Date("2026-12-03T02:00:00Z"); // 09:00 in Hà Nội
const view = (query: string) => parseFigureView(new URLSearchParams(query), { timeZone: "Asia/Ho_Chi_Minh", units, now });

describe("the figures page's view", () => {
  it("is the province's last 30 days by default, in the province's own days", () => {
    const v = view("");
    expect(v.ok).toBe(true);
    expect(v.view).toMatchObject({ fromDay: "2026-11-04", toDay: "2026-12-03", unit: null });
    expect(v.view.from.toISOString()).toBe("2026-11-03T17:00:00.000Z");
    expect(v.view.to.toISOString()).toBe("2026-12-03T17:00:00.000Z");
    expect((v.view.to.getTime() - v.view.from.getTime()) / 86_400_000).toBe(FIGURE_DAYS);
  });

  it("takes a chosen period and locality; empty fields mean the defaults", () => {
    const v = view("from=2021-08-01&to=2021-08-31&unit=412");
    expect(v).toMatchObject({ ok: true, view: { fromDay: "2021-08-01", toDay: "2021-08-31", unit: { code: "412", name: "Thành phố Vinh" } } });
    expect(view("from=&to=&unit=").view).toMatchObject({ fromDay: "2026-11-04", toDay: "2026-12-03", unit: null });
    // Only an end: the 30 days up to it.
    expect(view("to=2021-08-31").view.fromDay).toBe("2021-08-02");
  });

  it("names each field it refuses, and shows the default view beside the errors", () => {
    expect(view("from=2021-02-30")).toMatchObject({ ok: false, errors: { from: ["figures.view.dateInvalid"] } });
    expect(view("from=2021-08-31&to=2021-08-01")).toMatchObject({ ok: false, errors: { to: ["figures.view.rangeReversed"] } });
    expect(view("from=2020-01-01&to=2021-12-31")).toMatchObject({ ok: false, errors: { to: ["figures.view.rangeTooLong"] } });
    expect(view("from=2021-01-01&to=2021-12-31").ok).toBe(true); // 365 days
    const bad = view("unit=99999&to=x");
    expect(bad).toMatchObject({ ok: false, errors: { to: ["figures.view.dateInvalid"] } });
    expect(view("unit=99999")).toMatchObject({ ok: false, errors: { unit: ["figures.view.unknownUnit"] } });
    expect(bad.view).toMatchObject({ fromDay: "2026-11-04", toDay: "2026-12-03", unit: null });
  });
});
