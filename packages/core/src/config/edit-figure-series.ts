// The series form as an edit of the pack (issue 10): names and description per offered language, the
// section that shows it, measure, admin level (none: the province only), how the province's figure is
// made, times of day, agencies, order, switches, source and the optional feed. A series' key never
// changes once made: figures hang on it. Removing one that already holds figures is refused at the save
// (checkCandidate counts them): the figures are the record, so the admin turns the series off instead.
import type { TenantPack } from "@cong/config";
import { translate } from "@cong/i18n";
import type { Lang } from "../validation.ts";
import { bool, compact, list, localizedInput, num, optionalLocalizedInput, optStr, record, str, strings, type FormInput } from "./form-input.ts";
import type { PackEdit } from "./save-tenant-config.ts";

type Series = TenantPack["figures"][number];

/** The feed's fields: an empty address is no feed. */
function feedInput(v: unknown): Record<string, unknown> | undefined {
  const feed = record(v);
  const url = str(feed.url);
  if (url === "") return undefined;
  return compact({ url, format: optStr(feed.format), every: num(feed.every) });
}

/**
 * `key` null adds a series (the form posts its key); otherwise changes that series. Fields absent from
 * the form (the short add form has no times, description, feed or source) keep their current values,
 * or the schema's defaults for a new series. Unticked checkboxes post nothing: they read as off/none.
 */
export function editFigureSeries(current: TenantPack, key: string | null, input: FormInput, lang: Lang = "vi"): PackEdit {
  const offered = current.locales.offered;
  const index = key === null ? current.figures.length : current.figures.findIndex((f) => f.key === key);
  const existing: Series | undefined = key === null ? undefined : current.figures[index];
  if (key !== null && !existing) return { pack: current, refused: { form: [translate(lang, "config.problems.seriesGone", { key })] } };
  const series = compact({
    key: existing ? existing.key : str(input.key),
    names: localizedInput(input.names, offered, existing?.names),
    description: "description" in input ? optionalLocalizedInput(input.description, offered, existing?.description) : existing?.description,
    section: str(input.section),
    measure: optStr(input.measure),
    level: optStr(input.level),
    province: optStr(input.province),
    times: "times" in input ? list(input.times) : existing?.times,
    cumulative: bool(input.cumulative),
    agencies: strings(input.agencies),
    order: num(input.order),
    enabled: bool(input.enabled),
    source: "source" in input ? optStr(input.source) : existing?.source,
    feed: "feed" in input ? feedInput(input.feed) : existing?.feed,
  });
  const figures: unknown[] = [...current.figures];
  figures[index] = series;
  // No agency ticked posts no field at all: the problem still belongs on the checkboxes.
  return { pack: { ...current, figures }, posted: { ...input, agencies: input.agencies ?? [] }, fields: [[`figures[${index}]`, ""]] };
}

/** Takes a series off the pack; not the one the map shows (the map is set by pack import: it says so). */
export function removeFigureSeries(current: TenantPack, key: string, lang: Lang = "vi"): PackEdit {
  const series = current.figures.find((f) => f.key === key);
  if (!series) return { pack: current, refused: { form: [translate(lang, "config.problems.seriesGone", { key })] } };
  if (current.map?.figure === key) return { pack: current, refused: { form: [translate(lang, "config.problems.seriesOnMap", { series: series.names[lang] ?? series.names.vi })] } };
  // Its place in the charts goes with it, and a chart left with no series too.
  const charts = (current.charts ?? []).map((c) => ({ ...c, series: c.series.filter((k) => k !== key) })).filter((c) => c.series.length > 0);
  return { pack: { ...current, figures: current.figures.filter((f) => f.key !== key), charts }, fields: [] };
}
