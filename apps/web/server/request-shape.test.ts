// The address check before Remix: which part of an address is at fault, and the proxy's body limit
// agreeing with the app's largest form.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { MAX_REQUEST_BYTES } from "@cong/core";
import { addressProblem } from "./request-shape.ts";

describe("addressProblem", () => {
  it.each([
    ["/", null],
    ["/tin-tuc?page=2&q=qu%E1%BA%A3ng+ninh", null],
    ["/t%E1%BB%A9c", null],
    ["/%FF", { where: "path" }],
    ["/%00", { where: "path" }],
    ["/a%0d%0ab", { where: "path" }],
    ["/search?q=a%00b", { where: "query", field: "q" }],
    ["/search?q=ok&next=%2F%09%2Fevil", { where: "query", field: "next" }],
    ["/search?q=%E0%A4%A", { where: "query", field: "q" }],
    ["/search?%00=1", { where: "query", field: "" }],
  ])("%s", (url, expected) => {
    expect(addressProblem(url)).toEqual(expected);
  });
});

describe("the reverse proxy's body limit", () => {
  it("is the largest form the app takes, so nginx neither refuses a video the app accepts nor passes more", async () => {
    const conf = await readFile(new URL("../../../infra/nginx/cong.conf", import.meta.url), "utf8");
    const limits = [...conf.matchAll(/client_max_body_size\s+(\d+)m;/g)].map((m) => Number(m[1]));
    expect(limits.length).toBeGreaterThan(0);
    for (const mb of limits) expect(mb).toBe(Math.ceil(MAX_REQUEST_BYTES / (1024 * 1024)));
  });
});
