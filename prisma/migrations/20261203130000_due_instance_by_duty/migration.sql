-- The deadline round evaluates one duty at a time (issue 9: a round must not hold a province's tens of
-- thousands of instances at once): a duty's instances in the window, found by duty and due time.
CREATE INDEX "due_instance_tenant_id_duty_key_due_at_idx" ON "due_instance" ("tenant_id", "duty_key", "due_at");
