// What a citizen gets from a chart without JavaScript: every figure in a table, a chart that screen readers
// can name and summarize in the page's language, gaps for missing days, and the same bytes every time.
import { createInstance } from "i18next";
import { DomUtils, parseDocument } from "htmlparser2";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { i18nOptions } from "~/i18n";
import { FigureChart, type FigureChartProps } from "./figure-chart";

const dates = ["2021-08-01", "2021-08-02", "2021-08-03", "2021-08-04", "2021-08-05"];
const cases: FigureChartProps = {
  id: "ca-mac",
  title: "Số ca mắc mới tại Quảng Ninh",
  description: "Theo ngày công bố của Sở Y tế",
  kind: "line",
  unitLabel: "ca",
  dates,
  series: [
    { key: "community", label: "Ca cộng đồng", values: [1200, 1534, null, 12345.5, 980] },
    { key: "isolated", label: "Ca trong khu cách ly", values: [310, 402, 388, 415, 2001] },
  ],
  locale: "vi",
  timeZone: "Asia/Ho_Chi_Minh",
};

async function render(props: FigureChartProps, lng = props.locale) {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nOptions, lng });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <FigureChart {...props} />
    </I18nextProvider>,
  );
}

const byTag = (html: string, tag: string) => DomUtils.getElementsByTagName(tag, parseDocument(html).children);
const text = (html: string, tag: string) => byTag(html, tag).map((el) => DomUtils.textContent(el));

describe("FigureChart", () => {
  it("puts every figure in the table, formatted for the page's language, with headers scoped", async () => {
    const html = await render(cases);
    const vi = new Intl.NumberFormat("vi");
    const cells = text(html, "td");
    for (const s of cases.series) for (const v of s.values) if (v !== null) expect(cells).toContain(vi.format(v));
    expect(cells).toContain("12.345,5");
    expect(cells).toContain(vi.format(1200 + 1534 + 12345.5 + 980)); // the totals row
    expect(cells.filter((c) => c.includes("không có số liệu"))).toHaveLength(1);
    const [table] = byTag(html, "table");
    expect(DomUtils.textContent(DomUtils.getElementsByTagName("caption", table ? [table] : [])[0] ?? [])).toContain("Bảng số liệu: Số ca mắc mới tại Quảng Ninh");
    const headers = byTag(html, "th");
    expect(headers.filter((th) => th.attribs.scope === "col").map((th) => DomUtils.textContent(th))).toEqual(["Ngày", "Ca cộng đồng", "Ca trong khu cách ly"]);
    expect(headers.filter((th) => th.attribs.scope === "row")).toHaveLength(dates.length + 1);
  });

  it("keeps the table scrollable by keyboard inside a labelled region (320 px phones)", async () => {
    const html = await render(cases);
    const [wrap] = byTag(html, "div").filter((d) => d.attribs.class === "chart-table-wrap");
    expect(wrap?.attribs.tabindex).toBe("0");
    expect(wrap?.attribs.role).toBe("region");
    const label = wrap?.attribs["aria-labelledby"] ?? "";
    expect(byTag(html, "caption")[0]?.attribs.id).toBe(label);
  });

  it("names the chart and summarizes it in the page's language, through ids that exist", async () => {
    const html = await render(cases);
    const [svg] = byTag(html, "svg").filter((s) => s.attribs.role === "img");
    expect(svg).toBeDefined();
    expect(svg?.attribs.viewbox).toMatch(/^0 0 \d+ \d+$/); // the parser lower-cases names
    expect(html).toContain('viewBox="0 0 ');
    expect(svg?.attribs.width).toBe("100%");
    const ids = new Set(DomUtils.findAll((el) => Boolean(el.attribs.id), parseDocument(html).children).map((el) => el.attribs.id));
    const labelledBy = svg?.attribs["aria-labelledby"] ?? "";
    const describedBy = svg?.attribs["aria-describedby"] ?? "";
    expect(ids.has(labelledBy) && ids.has(describedBy)).toBe(true);
    expect(text(html, "title")).toContain("Số ca mắc mới tại Quảng Ninh");
    const [desc] = text(html, "desc");
    expect(desc).toContain("Biểu đồ đường");
    expect(desc).toContain("Ca cộng đồng gần nhất là 980");
    expect(desc).toContain("tổng cộng 16.059,5");
    expect(text(html, "figcaption")[0]).toContain("Theo ngày công bố của Sở Y tế");

    const en = await render({ ...cases, locale: "en" }, "en");
    expect(text(en, "desc")[0]).toMatch(/^Line chart from Aug 1, 2021 to Aug 5, 2021: Ca cộng đồng latest 980 \(Aug 5, 2021\), total 16,059\.5; /);
  });

  it("leaves a gap for a missing day: the line is two segments, and no point is drawn there", async () => {
    const html = await render(cases);
    const lines = byTag(html, "path").filter((p) => p.attribs.class === "chart-line");
    expect(lines).toHaveLength(2);
    expect(lines[0]?.attribs.d?.match(/M/g)).toHaveLength(2);
    expect(lines[1]?.attribs.d?.match(/M/g)).toHaveLength(1);
    const tips = text(html, "title").filter((t) => t.startsWith("Ca cộng đồng, "));
    expect(tips).toHaveLength(4);
    expect(tips).toContain("Ca cộng đồng, 4 thg 8, 2021: 12.345,5");
  });

  it("tells series apart by dash and marker as well as colour, with an HTML legend", async () => {
    const html = await render(cases);
    const lines = byTag(html, "path").filter((p) => p.attribs.class === "chart-line");
    expect(lines[0]?.attribs["stroke-dasharray"]).toBeUndefined();
    expect(lines[1]?.attribs["stroke-dasharray"]).toBeTruthy();
    expect(new Set(lines.map((l) => l.attribs.stroke)).size).toBe(2);
    const legend = byTag(html, "ul").find((u) => u.attribs.class === "chart-legend");
    expect(legend?.attribs["aria-label"]).toBe("Chú giải");
    expect(DomUtils.getElementsByTagName("li", legend ? [legend] : []).map((li) => DomUtils.textContent(li))).toEqual(["Ca cộng đồng", "Ca trong khu cách ly"]);
  });

  it("ships no script, no event handler and no inline style, and the same bytes on every render", async () => {
    const html = await render(cases);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(await render(cases)).toBe(html);
    const bars = await render({ ...cases, kind: "stacked-bar" });
    expect(await render({ ...cases, kind: "stacked-bar" })).toBe(bars);
  });

  it("passes Vietnamese diacritics through untouched (NFC)", async () => {
    const html = await render(cases);
    expect(html).toContain("Số ca mắc mới tại Quảng Ninh");
    expect(html).toContain("Ca trong khu cách ly");
    expect(html.normalize("NFC")).toBe(html);
  });

  it("draws stacked bars with hatching after the first series, and a total per date", async () => {
    const html = await render({ ...cases, kind: "stacked-bar" });
    expect(byTag(html, "rect").filter((r) => r.attribs.width !== "6" && r.attribs.width !== "14")).toHaveLength(9);
    expect(byTag(html, "pattern").map((p) => p.attribs.id)).toEqual(["ca-mac-fill-1"]);
    expect(html).toContain('fill="url(#ca-mac-fill-1)"');
    expect(byTag(html, "th").filter((th) => th.attribs.scope === "col").map((th) => DomUtils.textContent(th))).toContain("Tổng");
    expect(text(html, "td")).toContain(new Intl.NumberFormat("vi").format(1200 + 310));
  });

  it("shows slot times in the province's time zone and labels the column as times", async () => {
    const html = await render({ ...cases, dates: ["2021-08-01T01:00:00Z", "2021-08-01T05:00:00Z"], series: [{ key: "a", label: "Mẫu xét nghiệm", values: [5, 7] }] }, "en");
    expect(text(html, "th")[0]).toBe("Time");
    expect(html).toContain("08:00");
    expect(html).toMatch(/datetime="2021-08-01T01:00:00Z"/i);
  });

  it("says so when there are no figures yet", async () => {
    const html = await render({ ...cases, dates: [], series: [] }, "zh");
    expect(html).toContain("暂无数据。");
    expect(html).not.toContain("<svg");
  });
});
