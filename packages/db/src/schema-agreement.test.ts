// prisma/schema.prisma and the migrated database must agree: the client is generated from the one and
// queries the other. Every model's table and every scalar field's column exists with the same type,
// array-ness and nullability (the schema engine that would normally keep them in step is unavailable).
import { expect, it } from "vitest";
import { readPrismaSchema } from "./testing/prisma-schema.ts";
import { describeBackends } from "./testing/describe.ts";

type Column = { table_name: string; column_name: string; is_nullable: "YES" | "NO"; data_type: string; full_type: string; elem_type: string | null };

describeBackends("schema.prisma agrees with the migrated database", ({ db }) => {
  it("has every model's table and every scalar field's column with a matching type", async () => {
    const models = await readPrismaSchema();
    expect(models.map((m) => m.table).sort()).toEqual(
      [
        "admin_level", "admin_unit", "agency", "app_user", "attachment", "audit_log", "auth_token", "clock_event", "content_version", "due_instance", "duty",
        "figure", "figure_feed_pull", "figure_revision", "figure_series", "figure_series_agency", "figure_total", "item",
        "place", "place_kind", "place_kind_agency", "place_status",
        "item_revision", "item_translation", "map_boundary", "reminder", "search_entry", "section", "section_category", "session", "tenant", "tenant_day", "tenant_domain",
        "update_event", "user_agency",
      ].sort(),
    );
    const columns = await db().owner.$queryRaw<Column[]>`
      select c.table_name::text, c.column_name::text, c.is_nullable::text, c.data_type::text,
             format_type(a.atttypid, a.atttypmod) as full_type,
             case when t.typelem <> 0 then format_type(t.typelem, a.atttypmod) end as elem_type
      from information_schema.columns c
      join pg_attribute a on a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass and a.attname = c.column_name
      join pg_type t on t.oid = a.atttypid
      where c.table_schema = 'public'`;
    const byKey = new Map(columns.map((c) => [`${c.table_name}.${c.column_name}`, c]));

    const mismatches: string[] = [];
    for (const model of models) {
      if (!columns.some((c) => c.table_name === model.table)) {
        mismatches.push(`${model.name}: table ${model.table} is missing`);
        continue;
      }
      for (const field of model.fields) {
        const col = byKey.get(`${model.table}.${field.column}`);
        const where = `${model.name}.${field.name} (${model.table}.${field.column})`;
        if (!col) {
          mismatches.push(`${where}: column is missing`);
          continue;
        }
        const expected = field.list ? `${field.pgType}[]` : field.pgType;
        if (col.full_type !== expected) mismatches.push(`${where}: schema says ${expected}, database has ${col.full_type}`);
        if (field.list !== (col.data_type === "ARRAY")) mismatches.push(`${where}: array-ness differs`);
        const nullable = col.is_nullable === "YES";
        // Prisma lists cannot be optional; a list is NOT NULL in the database too.
        if (nullable !== field.optional) mismatches.push(`${where}: schema says ${field.optional ? "nullable" : "required"}, database has ${nullable ? "nullable" : "not null"}`);
      }
      // A column the schema does not know would be invisible to the app (and may be required on insert).
      for (const c of columns.filter((c) => c.table_name === model.table)) {
        if (!model.fields.some((f) => f.column === c.column_name)) mismatches.push(`${model.table}.${c.column_name}: column not in schema.prisma`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
