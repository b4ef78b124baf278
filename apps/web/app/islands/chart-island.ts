// The chart island (issue 10: charts "interactive once scripts load"): the one small script of a page of
// figures. Every chart is already complete without it (server SVG, legend, the numbers in a table); this
// adds, per chart, a cursor that follows the pointer or the arrow keys and a box with that time's figures.
// It reads them from the chart's own table (the row of that time), so it shows exactly what the table
// says, formatted as the page formats them. The box is a polite live region: a keyboard or screen-reader
// user hears each time's figures as they move. Readiness for tests: data-chart-state="ready".
const SVG = "http://www.w3.org/2000/svg";

/** A cell's words: "no figure" rather than the dash shown beside it. */
const said = (cell: Element) => (cell.querySelector(".visually-hidden") ?? cell).textContent?.trim() ?? "";

function enhance(figure: HTMLElement): void {
  const svg = figure.querySelector<SVGSVGElement>("svg.chart-svg[data-chart-plot]");
  const table = figure.querySelector<HTMLTableElement>("table.chart-table");
  if (!svg || !table) return;
  const [left, band, top, bottom, n] = (svg.dataset.chartPlot ?? "").split(" ").map(Number) as [number, number, number, number, number];
  const rows = [...table.tBodies[0]!.rows];
  if (!(n > 0) || rows.length !== n) return;
  const heads = [...table.tHead!.rows[0]!.cells].slice(1).map((c) => c.textContent ?? "");

  const cursor = document.createElementNS(SVG, "path");
  cursor.setAttribute("class", "chart-cursor");
  cursor.setAttribute("aria-hidden", "true");
  cursor.style.display = "none";
  svg.append(cursor);
  const box = document.createElement("div");
  box.className = "chart-tip";
  box.setAttribute("role", "status");
  box.setAttribute("aria-live", "polite");
  box.hidden = true;
  svg.after(box);

  const hint = figure.querySelector<HTMLElement>(".chart-hint");
  if (hint) hint.hidden = false;
  svg.setAttribute("tabindex", "0");
  svg.setAttribute("aria-describedby", [svg.getAttribute("aria-describedby"), hint?.id].filter(Boolean).join(" "));

  let at = -1;
  const show = (i: number) => {
    at = Math.max(0, Math.min(n - 1, i));
    const cx = left + (at + 0.5) * band;
    cursor.setAttribute("d", `M${cx.toFixed(2)} ${top}V${bottom}`);
    cursor.style.display = "";
    const cells = [...rows[at]!.cells];
    const line = (label: string, value: string) => {
      const p = document.createElement("p");
      const b = document.createElement("b");
      b.textContent = label;
      p.append(b, ` ${value}`);
      return p;
    };
    box.replaceChildren(line(said(cells[0]!), ""), ...cells.slice(1).map((c, j) => line(`${heads[j] ?? ""}:`, said(c))));
    box.hidden = false;
    // Beside the cursor, inside the chart: left of it on the right half.
    const shown = svg.getBoundingClientRect();
    box.style.top = `${shown.top - figure.getBoundingClientRect().top + 8}px`;
    const px = ((cx / (svg.viewBox.baseVal.width || 1)) * shown.width) | 0;
    box.style.left = px > shown.width / 2 ? "" : `${px + 12}px`;
    box.style.right = px > shown.width / 2 ? `${Math.max(0, shown.width - px + 12)}px` : "";
  };
  const hide = () => {
    at = -1;
    cursor.style.display = "none";
    box.hidden = true;
  };

  svg.addEventListener("pointermove", (e) => {
    const m = svg.getScreenCTM();
    if (!m) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    show(Math.floor((p.x - left) / band));
  });
  svg.addEventListener("pointerleave", () => {
    if (document.activeElement !== svg) hide();
  });
  svg.addEventListener("focus", () => show(at >= 0 ? at : n - 1));
  svg.addEventListener("blur", hide);
  svg.addEventListener("keydown", (e) => {
    const moves: Record<string, number> = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: n - 1, PageUp: at - 7, PageDown: at + 7 };
    if (e.key === "Escape") {
      hide();
      return;
    }
    if (!(e.key in moves)) return;
    e.preventDefault();
    show(moves[e.key]!);
  });
  figure.dataset.chartState = "ready";
}

for (const figure of document.querySelectorAll<HTMLElement>("figure.figure-chart")) enhance(figure);
