// An agency's editor imports places from a CSV or XLSX file (issue 10): one row per place, the columns
// found by their header (the figures' reader and header rules). Every row is checked by the form's rules
// (place-input.ts) before anything is written; a file with any bad row changes nothing and the answer
// names each bad row (its line in the file), column and reason. A row whose code (Mã) matches a place
// updates it (a changed status appends history); any other row creates one. Each agency's import is an
// update of its kinds' sections for the deadline engine; the import is one audit entry.
import type { AppAbility } from "@cong/authz";
import type { Tx } from "@cong/db";
import { recordAudit, type AuditActor } from "../audit/record-audit.ts";
import { recordDataEntry } from "../deadlines/record-data-entry.ts";
import type { ImportProblem } from "../figures/import-figures.ts";
import { readFigureFile, type Cell } from "../figures/read-figure-file.ts";
import { findColumns, foldHeader } from "../figures/table-columns.ts";
import type { EntryScope } from "../units/answered-units.ts";
import type { FieldErrors, Lang } from "../validation.ts";
import { checkPlace, PLACE_FIELDS, type CheckedPlace, type PlaceField, type PlaceInput } from "./place-input.ts";
import { isPlaceKind, loadPlaceRules } from "./place-kinds.ts";
import { mayWriteExisting, writePlace } from "./save-place.ts";

/** Each column's name in a template and in a report, by language. */
export const PLACE_COLUMN_NAMES: Record<Lang, Record<PlaceField | "unitName", string>> = {
  vi: { ref: "Mã", kind: "Loại", name: "Tên", nameEn: "Tên tiếng Anh", nameZh: "Tên tiếng Trung", address: "Địa chỉ", unit: "Mã địa bàn", unitName: "Tên địa bàn", lon: "Kinh độ", lat: "Vĩ độ", area: "Vùng (GeoJSON)", phone: "Điện thoại", status: "Trạng thái", capacity: "Sức chứa", occupancy: "Đang sử dụng", note: "Ghi chú" },
  en: { ref: "Code", kind: "Kind", name: "Name", nameEn: "Name (English)", nameZh: "Name (Chinese)", address: "Address", unit: "Unit code", unitName: "Unit name", lon: "Longitude", lat: "Latitude", area: "Area (GeoJSON)", phone: "Phone", status: "Status", capacity: "Capacity", occupancy: "Occupancy", note: "Note" },
  zh: { ref: "编号", kind: "类型", name: "名称", nameEn: "英文名称", nameZh: "中文名称", address: "地址", unit: "地区代码", unitName: "地区名称", lon: "经度", lat: "纬度", area: "区域 (GeoJSON)", phone: "电话", status: "状态", capacity: "容量", occupancy: "在用", note: "备注" },
};

// Headers as people write them, folded.
const ALIASES: Record<PlaceField, string[]> = {
  ref: ["ma", "ma dia diem", "ma co so", "code", "ref", "编号"],
  kind: ["loai", "loai dia diem", "kind", "type", "类型"],
  name: ["ten", "ten dia diem", "ten co so", "name", "名称"],
  nameEn: ["ten tieng anh", "name english", "name en", "英文名称"],
  nameZh: ["ten tieng trung", "name chinese", "name zh", "中文名称"],
  address: ["dia chi", "address", "地址"],
  unit: ["ma dia ban", "dia ban", "ma dvhc", "unit", "unit code", "地区代码"],
  lon: ["kinh do", "longitude", "lon", "lng", "经度"],
  lat: ["vi do", "latitude", "lat", "纬度"],
  area: ["vung", "vung geojson", "area", "area geojson", "geojson", "区域", "区域 geojson"],
  phone: ["dien thoai", "so dien thoai", "phone", "电话"],
  status: ["trang thai", "status", "状态"],
  capacity: ["suc chua", "capacity", "容量"],
  occupancy: ["dang su dung", "so nguoi", "occupancy", "在用"],
  note: ["ghi chu", "note", "备注"],
};
const STATUS_WORDS = new Map([
  ["open", "open"], ["mo", "open"], ["dang mo", "open"], ["hoat dong", "open"], ["dang hoat dong", "open"], ["开放", "open"],
  ["closed", "closed"], ["dong", "closed"], ["da dong", "closed"], ["ngung hoat dong", "closed"], ["关闭", "closed"],
]);

export type ImportPlacesResult = { ok: true; value: { rows: number; created: number; updated: number } } | { ok: false; errors: FieldErrors; rows: ImportProblem[]; total: number };

export async function importPlaces(o: { tx: Tx; tenantId: string; ability: AppAbility; actor: AuditActor; who: EntryScope; file: { bytes: Uint8Array; name: string }; lang?: Lang; now?: Date }): Promise<ImportPlacesResult> {
  const { tx, tenantId } = o;
  const now = o.now ?? new Date();
  const names = PLACE_COLUMN_NAMES[o.lang ?? "vi"];
  const refuse = (reason: string, rows: ImportProblem[] = [], total = 0): ImportPlacesResult => ({ ok: false, errors: { file: [reason] }, rows, total });

  const read = await readFigureFile(o.file);
  if (!read.ok) return refuse(read.problem);
  const [header, ...body] = read.table.rows;
  if (!header) return refuse("errors.fileEmpty");
  const { at, headerText, problems } = findColumns<PlaceField>(header, ALIASES, ["kind", "name"], names);
  if (problems.length > 0) return refuse("errors.figureImportBadRows", problems, body.length);
  if (body.length === 0) return refuse("errors.figureImportNoRows");
  const columnName = (f: PlaceField) => (at[f] !== undefined ? headerText[at[f]!] || names[f] : names[f]);

  const rules = await loadPlaceRules({ tx, tenantId, ability: o.ability, who: o.who });
  // A kind by key ("lockdown-area") or by the province's own name for it.
  const kindByName = new Map<string, string>();
  for (const k of rules.kinds.values()) {
    kindByName.set(k.kind, k.kind);
    for (const n of Object.values(k.names ?? {})) if (n) kindByName.set(foldHeader(n), k.kind);
  }
  const rowsRead: { line: number; input: PlaceInput }[] = body.map(({ line, cells }) => {
    const input: PlaceInput = {};
    for (const f of PLACE_FIELDS) {
      const c: Cell = at[f] === undefined ? null : (cells[at[f]!] ?? null);
      input[f] = c instanceof Date ? c.toISOString() : c;
    }
    if (typeof input.kind === "string") input.kind = kindByName.get(input.kind.trim()) ?? kindByName.get(foldHeader(input.kind)) ?? input.kind;
    if (typeof input.status === "string" && input.status.trim() !== "") input.status = STATUS_WORDS.get(foldHeader(input.status)) ?? input.status;
    return { line, input };
  });
  const refs = rowsRead.map((r) => (r.input.ref === null || r.input.ref === undefined ? "" : String(r.input.ref).trim())).filter((r) => r !== "");
  const existing = new Map(
    (await tx.place.findMany({ where: { tenantId, ref: { in: refs } }, select: { id: true, ref: true, kindId: true, unitCode: true, status: true, capacity: true, occupancy: true, note: true } })).map((p) => [p.ref!, p]),
  );

  const out: ImportProblem[] = [];
  const good: { place: CheckedPlace; existing: (typeof existing extends Map<string, infer V> ? V : never) | null }[] = [];
  const firstRow = new Map<string, number>();
  for (const { line, input } of rowsRead) {
    const problem = (f: PlaceField, reason: string, values?: ImportProblem["values"]) => out.push({ row: line, column: columnName(f), reason, ...(values ? { values } : {}) });
    const checked = checkPlace(rules, input);
    if (!checked.ok) {
      for (const f of PLACE_FIELDS) for (const reason of checked.errors[f] ?? []) problem(f, reason);
      if (checked.forbidden) {
        // A kind their agency keeps, in a locality it does not answer for; or a kind it does not keep.
        const kind = isPlaceKind(input.kind) ? rules.kinds.get(input.kind) : undefined;
        if (kind && rules.canKeep(kind)) problem("unit", "errors.placeUnitForbidden");
        else problem("kind", "errors.placeKindForbidden");
      }
      continue;
    }
    const ref = checked.value.ref;
    const before = ref ? (existing.get(ref) ?? null) : null;
    if (before && !mayWriteExisting(rules, before)) {
      problem("ref", "errors.placeUnitForbidden");
      continue;
    }
    if (ref) {
      const first = firstRow.get(ref);
      if (first !== undefined) {
        problem("ref", "errors.figureImportDuplicate", { row: first });
        continue;
      }
      firstRow.set(ref, line);
    }
    good.push({ place: checked.value, existing: before });
  }
  if (out.length > 0) {
    const order = (p: ImportProblem) => PLACE_FIELDS.findIndex((f) => columnName(f) === p.column);
    out.sort((a, b) => a.row - b.row || order(a) - order(b));
    return refuse("errors.figureImportBadRows", out, body.length);
  }

  let created = 0;
  for (const g of good) if ((await writePlace({ tx, tenantId, actor: o.actor, now, place: g.place, existing: g.existing })).created) created++;
  await recordDataEntry({ tx, tenantId, at: now, updates: good.map((g) => ({ agencyId: g.place.agencyId, sectionId: g.place.kind.sectionId })) });
  await recordAudit(tx, { tenantId, actor: o.actor, action: "places.import", subject: "Place", after: { file: o.file.name, bytes: o.file.bytes.length, rows: good.length, created } });
  return { ok: true, value: { rows: good.length, created, updated: good.length - created } };
}

/** A CSV to fill in (UTF-8 with a BOM): the header row in the viewer's language and one example line. */
export async function placeTemplate(o: { tx: Tx; tenantId: string; ability: AppAbility; who: EntryScope; lang?: Lang }): Promise<string> {
  const names = PLACE_COLUMN_NAMES[o.lang ?? "vi"];
  const rules = await loadPlaceRules(o);
  const columns: (PlaceField | "unitName")[] = ["ref", "kind", "name", "address", "unit", "unitName", "lon", "lat", "area", "phone", "status", "capacity", "occupancy", "note"];
  const lines = [columns.map((c) => names[c])];
  const kind = [...rules.kinds.values()].find((k) => rules.canKeep(k));
  if (kind) {
    const unit = rules.units.units.find((u) => rules.mayWriteIn(kind, u.code));
    const example: Record<string, string> = { ref: "", kind: kind.kind, name: "", address: "", unit: unit?.code ?? "", unitName: unit?.name ?? "", lon: "", lat: "", area: "", phone: "", status: "open", capacity: "", occupancy: "", note: "" };
    lines.push(columns.map((c) => example[c] ?? ""));
  }
  const quote = (v: string) => (/[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${lines.map((l) => l.map(quote).join(",")).join("\r\n")}\r\n`;
}
