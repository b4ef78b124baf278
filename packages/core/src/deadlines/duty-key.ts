// A duty's identity for its due instances: what the duty is (agency, section, role, rule), not the row it
// happens to be stored in, so rewriting the matrix with the same duty keeps its history.
import { createHash } from "node:crypto";
import { canonicalJson } from "@cong/db";

export function dutyKey(d: { agencyId: string; sectionId: string; role: string; rule: unknown }): string {
  return createHash("sha256").update(canonicalJson([d.agencyId, d.sectionId, d.role, d.rule])).digest("hex").slice(0, 32);
}

/** Rules with a clock: the others (on change, on request) have nothing to count. */
export function hasClock(rule: unknown): boolean {
  const kind = (rule as { kind?: string } | null)?.kind;
  return typeof kind === "string" && kind !== "on-change" && kind !== "on-request";
}
