// Test helper: a small reader of prisma/schema.prisma, enough to compare its models with the migrated
// database: each model's table, and each scalar field's column, Postgres type, array-ness and nullability.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { findMigrationsDir } from "../migrate.ts";

export type SchemaField = { name: string; column: string; type: string; list: boolean; optional: boolean; pgType: string };
export type SchemaModel = { name: string; table: string; fields: SchemaField[] };

const SCALARS: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  Json: "jsonb",
  DateTime: "timestamp(3) without time zone",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Bytes: "bytea",
};

function pgType(type: string, attrs: string): string {
  // Unsupported("tsvector") is a column Prisma neither reads nor writes; its type is the one named.
  const unsupported = /^Unsupported\("([^"]+)"\)$/.exec(type);
  if (unsupported) return unsupported[1]!;
  const native = /@db\.(\w+)(?:\(([^)]*)\))?/.exec(attrs);
  if (native) {
    const [, name, arg] = native;
    switch (name) {
      case "Uuid": return "uuid";
      case "Text": return "text";
      case "Date": return "date";
      case "Timestamptz": return `timestamp(${arg ?? "3"}) with time zone`;
      case "Timestamp": return `timestamp(${arg ?? "3"}) without time zone`;
      case "Integer": return "integer";
      case "VarChar": return `character varying(${arg})`;
      default: return `@db.${name}`;
    }
  }
  return SCALARS[type] ?? `unknown:${type}`;
}

export async function readPrismaSchema(file = path.join(path.dirname(findMigrationsDir()), "schema.prisma")): Promise<SchemaModel[]> {
  const text = (await readFile(file, "utf8")).replace(/\/\/.*$/gm, "");
  const blocks = [...text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)];
  const modelNames = new Set(blocks.map((b) => b[1]!));
  const enumNames = new Set([...text.matchAll(/^enum\s+(\w+)/gm)].map((m) => m[1]!));
  return blocks.map(([, name, body]) => {
    const table = /@@map\("([^"]+)"\)/.exec(body!)?.[1] ?? name!;
    const fields: SchemaField[] = [];
    for (const line of body!.split("\n")) {
      const m = /^\s*(\w+)\s+(Unsupported\("[^"]+"\)|\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
      if (!m) continue;
      const [, fieldName, type, list, optional, attrs] = m;
      if (modelNames.has(type!) || enumNames.has(type!)) continue; // relation fields have no column
      fields.push({
        name: fieldName!,
        column: /@map\("([^"]+)"\)/.exec(attrs!)?.[1] ?? fieldName!,
        type: type!,
        list: list === "[]",
        optional: optional === "?",
        pgType: pgType(type!, attrs!),
      });
    }
    return { name: name!, table, fields };
  });
}
