// Dates as citizens read them, in the province's own time zone.
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDay, formatSize } from "./public-format.ts";

describe("public formats", () => {
  it("shows instants in the province's time zone", () => {
    expect(formatDateTime(new Date("2021-10-15T17:05:00Z"), "vi", "Asia/Ho_Chi_Minh")).toBe("16/10/2021 00:05");
    expect(formatDate("2021-10-15T16:59:00Z", "en", "Asia/Ho_Chi_Minh")).toBe("15 October 2021");
    expect(formatDate("2021-10-15T17:00:00Z", "zh", "Asia/Ho_Chi_Minh")).toBe("2021年10月16日");
    // A province elsewhere (or a pack written for another zone) is not shown Vietnam's clock.
    expect(formatDateTime(new Date("2021-10-15T17:05:00Z"), "vi", "Asia/Tokyo")).toBe("16/10/2021 02:05");
    expect(formatDateTime(new Date("2021-10-15T17:05:00Z"), "en", "UTC")).toBe("15 October 2021 17:05");
  });

  it("shows calendar days without shifting them", () => {
    expect(formatDay("2021-10-15", "vi")).toBe("15/10/2021");
    expect(formatDay(null, "vi")).toBeNull();
    expect(formatDay("2021-10", "vi")).toBeNull();
  });

  it("writes sizes with the locale's decimal mark", () => {
    expect(formatSize(1_572_864, "vi")).toBe("1,5 MB");
    expect(formatSize(2048, "en")).toBe("2.0 KB");
    expect(formatSize(300, "vi")).toBe("300 B");
  });
});
