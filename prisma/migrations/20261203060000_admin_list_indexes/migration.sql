-- The lists staff page through read an index in their own order (issue 9: every list on an index):
-- a section's items for its editors, most recently changed first;
CREATE INDEX "item_section_id_updated_at_idx" ON "item" ("section_id", "updated_at" DESC, "id");
-- the audit log newest first, ties by id (the page order), and the actions the filter offers, read by a
-- loose index scan instead of a DISTINCT over every entry.
CREATE INDEX "audit_log_tenant_id_at_id_idx" ON "audit_log" ("tenant_id", "at" DESC, "id" DESC);
DROP INDEX IF EXISTS "audit_log_tenant_id_at_idx";
CREATE INDEX "audit_log_tenant_id_action_idx" ON "audit_log" ("tenant_id", "action");
-- A province's due instances newest first, ties by key (the list's order): the index carries the key so
-- a page needs no sort; read forwards, it serves the deadline round's oldest-first order too.
CREATE INDEX "due_instance_tenant_id_due_at_key_idx" ON "due_instance" ("tenant_id", "due_at", "key");
DROP INDEX IF EXISTS "due_instance_tenant_id_due_at_idx";
