// The map island (issue 10, docs/decisions/0013): the one script a map page carries. It reads the page's
// [data-island="map"] container (its configuration and figures are data attributes, so the page has no
// inline script and stays the same bytes for everyone), then loads maplibre-gl (mapbox-gl 1.13 when the
// pack gives a Mapbox token: the same calls, docs/decisions/0013), the boundaries and the places. Everything it shows is also in the page's HTML (the table of figures, the legend), so a failure
// here leaves a complete page, and the server's SVG picture of the map (the first render) stays until the
// interactive map has drawn its layers. Readiness for tests and tools: data-map-state="loading|ready|failed" (ready
// once the layers are drawn: the first `idle` after they were added), data-map-layers="<layer ids>" and
// data-map-renderer, which library drew it.
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import type * as MapLibreGl from "maplibre-gl";
import type { GeoJSONSourceSpecification, StyleSpecification } from "maplibre-gl";
import type { MapIslandConfig, PlaceFeature } from "./map-config";

type GeoJSONData = GeoJSONSourceSpecification["data"];
type Renderer = Pick<typeof MapLibreGl, "Map" | "NavigationControl" | "AttributionControl" | "Popup">;

/**
 * maplibre-gl, or mapbox-gl 1.13 (BSD-3-Clause, the last open release) for a pack with a Mapbox token:
 * its Map, controls, popups, sources, layers and expressions take the calls made here as maplibre's do.
 * Each is its own chunk, fetched by the map page only, and only the one the pack asks for.
 */
async function loadRenderer(accessToken: string | null): Promise<{ name: string; lib: Renderer }> {
  if (accessToken) {
    const mod = (await import("mapbox-gl")) as { default?: unknown };
    const mapboxgl = (mod.default ?? mod) as Renderer & { accessToken: string };
    mapboxgl.accessToken = accessToken;
    return { name: "mapbox-gl", lib: mapboxgl };
  }
  const maplibre = await import("maplibre-gl");
  maplibre.setWorkerUrl(workerUrl);
  return { name: "maplibre-gl", lib: maplibre };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

async function json(url: string): Promise<unknown> {
  const res = await fetch(url, { headers: { accept: "application/geo+json, application/json" } });
  // No places API yet (or none on this portal): no places layer, not an error.
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

function definitionList(rows: [string, string | number | null | undefined][]): HTMLElement {
  const dl = el("dl");
  for (const [term, value] of rows) if (value !== null && value !== undefined && value !== "") dl.append(el("dt", {}, term), el("dd", {}, String(value)));
  return dl;
}

/**
 * Resolves once the page has had its first contentful paint (the server's picture of the map is on
 * screen), so nothing the island fetches, parses or draws competes with it; where a browser reports no
 * paint timing, after the next frame.
 */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    let observer: PerformanceObserver | undefined;
    const finish = () => {
      if (settled) return;
      settled = true;
      observer?.disconnect();
      setTimeout(resolve, 0);
    };
    if (performance.getEntriesByName("first-contentful-paint").length > 0) return finish();
    try {
      observer = new PerformanceObserver((list) => void (list.getEntriesByName("first-contentful-paint").length > 0 && finish()));
      observer.observe({ type: "paint", buffered: true });
    } catch {
      observer = undefined;
    }
    // No paint timing (or none reported): the next frame, or at worst a moment later.
    requestAnimationFrame(() => setTimeout(finish, observer ? 2000 : 0));
  });
}

/** Links the renderer's stylesheet (once) and resolves when it has loaded, or failed (the map still draws). */
function linkStylesheet(href: string): Promise<void> {
  if (!href || document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`)) return Promise.resolve();
  return new Promise((resolve) => {
    const link = el("link", { rel: "stylesheet", href });
    link.addEventListener("load", () => resolve(), { once: true });
    link.addEventListener("error", () => resolve(), { once: true });
    document.head.append(link);
  });
}

async function start(container: HTMLElement) {
  const config = JSON.parse(container.dataset.config ?? "{}") as MapIslandConfig;
  const t = config.labels;
  const canvasHolder = container.querySelector<HTMLElement>(".map-canvas")!;
  container.dataset.mapState = "loading";
  // The page is painted first (the server's picture of the map); then the data, the library, its
  // stylesheet and WebGL, which would otherwise hold the first frame back on a slow phone.
  await afterFirstPaint();
  // The boundaries and the places are fetched (and parsed) while the renderer's chunk loads and the map
  // starts, not after: on a slow line the two waits overlap instead of adding up.
  const data = Promise.all([json(config.boundariesUrl), json(config.placesUrl).catch(() => null)]);
  data.catch(() => {}); // awaited once the map has loaded; a failure is reported there
  const [renderer] = await Promise.all([loadRenderer(config.accessToken ?? null), linkStylesheet(config.stylesheet)]);
  const { Map: MapLibre, NavigationControl, AttributionControl, Popup } = renderer.lib;
  container.dataset.mapRenderer = renderer.name;

  const number = new Intl.NumberFormat(config.locale);
  // No style and no tiles: a plain background under the boundaries, nothing fetched from elsewhere.
  const plain: StyleSpecification = { version: 8, sources: {}, layers: [{ id: "background", type: "background", paint: { "background-color": "#eef3f6" } }] };
  if (config.tiles) {
    plain.sources.basemap = { type: "raster", tiles: [config.tiles.url], tileSize: config.tiles.tileSize, maxzoom: config.tiles.maxZoom, attribution: config.tiles.attribution };
    plain.layers.push({ id: "basemap", type: "raster", source: "basemap" });
  }
  const style = config.style ?? plain;
  const map = new MapLibre({
    container: canvasHolder,
    style,
    ...(config.bounds ? { bounds: config.bounds as [number, number, number, number], fitBoundsOptions: { padding: 12 } } : {}),
    ...(config.center ? { center: config.center as [number, number], zoom: config.zoom ?? 8 } : {}),
    attributionControl: false,
    keyboard: true,
    cooperativeGestures: false,
  });
  map.addControl(new NavigationControl({ showCompass: false }), "top-right");
  map.addControl(new AttributionControl({ compact: false, customAttribution: [config.boundariesAttribution, config.attribution].filter((a): a is string => Boolean(a)) }));
  const canvas = map.getCanvas();
  canvas.setAttribute("aria-label", t.canvas);
  canvas.setAttribute("role", "application");
  canvas.setAttribute("aria-describedby", container.dataset.describedby ?? "");

  // Before the map has loaded (its style, the library's worker) an error is final; after, one is a tile
  // or a sprite of a basemap that did not come, which leaves the map usable.
  let loaded = false;
  map.on("error", (e) => {
    if (!loaded && container.dataset.mapState === "loading") container.dataset.mapState = "failed";
    console.warn("map:", e.error?.message);
  });

  map.on("load", async () => {
    loaded = true;
    try {
      const [boundaries, places] = await data;
      const units = new Map(config.units.map((u) => [u.code, u]));
      const layerIds: string[] = [];
      const features = ((boundaries as { features?: { properties: Record<string, unknown> }[] } | null)?.features ?? []).map((f) => {
        const unit = units.get(String(f.properties.code));
        const cls = unit?.cls ?? -1;
        return { ...f, properties: { ...f.properties, color: cls >= 0 ? config.classes[cls]!.color : config.noDataColor, value: unit?.value ?? null } };
      });
      if (features.length > 0) {
        map.addSource("boundaries", { type: "geojson", data: { type: "FeatureCollection", features } as GeoJSONData });
        map.addLayer({ id: "district-fill", type: "fill", source: "boundaries", filter: ["==", ["get", "level"], "district"], paint: { "fill-color": ["get", "color"], "fill-opacity": 0.8 } });
        map.addLayer({ id: "district-line", type: "line", source: "boundaries", filter: ["==", ["get", "level"], "district"], paint: { "line-color": "#424242", "line-width": 0.8 } });
        map.addLayer({ id: "province-line", type: "line", source: "boundaries", filter: ["==", ["get", "level"], "province"], paint: { "line-color": "#111", "line-width": 2.2 } });
        layerIds.push("district-fill", "district-line", "province-line");
        map.on("click", "district-fill", (e) => {
          const p = e.features?.[0]?.properties;
          if (!p) return;
          const value = p.value === null || p.value === undefined || p.value === "null" ? t.noData : number.format(Number(p.value));
          new Popup({ focusAfterOpen: true }).setLngLat(e.lngLat).setDOMContent(el("div", {}, el("strong", {}, String(p.name)), el("p", {}, `${config.seriesName}: ${value}`))).addTo(map);
        });
      }

      const placeFeatures = ((places as { features?: PlaceFeature[] } | null)?.features ?? []).filter((f) => f && f.geometry && f.properties);
      if (placeFeatures.length > 0) {
        // The map draws each place by its kind alone: the rest of its properties stay here for its popup,
        // so the renderer's worker copies and cuts into tiles a fraction of the API's answer.
        const drawn = placeFeatures.map((f, i) => ({ type: "Feature" as const, geometry: f.geometry, properties: { kind: f.properties.kind, i } }));
        map.addSource("places", { type: "geojson", data: { type: "FeatureCollection", features: drawn } as GeoJSONData });
        const kinds = [...new Set(placeFeatures.map((f) => f.properties.kind))].sort();
        const legend = el("fieldset", { class: "map-places" }, el("legend", {}, t.places));
        const list = el("ul");
        kinds.forEach((kind, i) => {
          const color = config.kindColors[kind] ?? "#1565c0";
          const ids = [`places-${kind}-area`, `places-${kind}`];
          map.addLayer({ id: ids[0]!, type: "fill", source: "places", filter: ["all", ["==", ["get", "kind"], kind], ["!=", ["geometry-type"], "Point"]], paint: { "fill-color": color, "fill-opacity": 0.35, "fill-outline-color": color } });
          map.addLayer({ id: ids[1]!, type: "circle", source: "places", filter: ["all", ["==", ["get", "kind"], kind], ["==", ["geometry-type"], "Point"]], paint: { "circle-color": color, "circle-radius": 6, "circle-stroke-color": "#fff", "circle-stroke-width": 1.5 } });
          layerIds.push(...ids);
          const box = el("input", { type: "checkbox", id: `map-kind-${i}`, checked: "" });
          box.addEventListener("change", () => ids.forEach((id) => map.setLayoutProperty(id, "visibility", box.checked ? "visible" : "none")));
          const count = placeFeatures.filter((f) => f.properties.kind === kind).length;
          list.append(el("li", {}, box, el("label", { for: `map-kind-${i}` }, el("span", { class: "map-swatch map-swatch-round", style: `background:${color}`, "aria-hidden": "true" }), ` ${config.kindNames[kind] ?? kind} (${number.format(count)})`)));
          for (const id of ids)
            map.on("click", id, (e) => {
              const p = placeFeatures[Number(e.features?.[0]?.properties?.i)]?.properties;
              if (!p) return;
              new Popup({ focusAfterOpen: true, maxWidth: "18rem" })
                .setLngLat(e.lngLat)
                .setDOMContent(el("div", {}, el("strong", {}, String(p.name)), definitionList([
                  [t.kind, config.kindNames[p.kind] ?? p.kind],
                  [t.status, p.status],
                  [t.capacity, p.capacity === null || p.capacity === undefined ? null : `${p.occupancy ?? "?"}/${p.capacity}`],
                  [t.address, p.address],
                  [t.unit, p.unitName],
                  [t.phone, p.phone],
                ])))
                .addTo(map);
            });
        });
        legend.append(list);
        // The interactive legend (a checkbox per kind) takes the place of the picture's.
        container.querySelector(".map-places-static")?.remove();
        container.querySelector(".map-extras")?.append(legend);
        // The same places are listed as a table in the page's HTML, below the map (SectionPlaces).
      }
      container.dataset.mapLayers = layerIds.join(" ");
      // Ready once the layers are drawn (the sources' data cut into tiles and painted), not merely added.
      map.once("idle", () => {
        if (container.dataset.mapState !== "loading") return;
        // The server's picture gives way to the interactive map, which has drawn the same layers.
        container.querySelector(".map-sketch")?.remove();
        container.dataset.mapState = "ready";
      });
    } catch (error) {
      container.dataset.mapState = "failed";
      console.warn("map:", error);
    }
  });
}

const container = document.querySelector<HTMLElement>('[data-island="map"]');
if (container) {
  start(container).catch((error: unknown) => {
    container.dataset.mapState = "failed";
    console.warn("map:", error);
  });
}
