// Role x action x tenant: every allowed and every forbidden case of the matrix-derived abilities.
import { describe, expect, it } from "vitest";
import { subject } from "@casl/ability";
import { accessibleBy } from "@casl/prisma/runtime";
import { defineAbilityFor, type Action, type Actor, type TenantRules } from "./define-ability.ts";
import type { UserRole } from "./roles.ts";
import { whySectionClosed } from "./explain.ts";

// A Quảng Ninh-like province: the Department of Health (syt) updates the handbook and the "provincial"
// category of documents; the DIC (stttt) runs the map; the Office (vp) reviews documents; the police
// (ca) answer questions.
const QN = "tenant-qn";
const NA = "tenant-na";
const rules: TenantRules = {
  tenantId: QN,
  // The Department of Information and Communications leads (chases the others' updates).
  leadAgencyIds: ["stttt"],
  sections: [
    { id: "map", review: false },
    { id: "handbook", review: false },
    { id: "docs", review: true },
    { id: "qa", review: false },
  ],
  duties: [
    { agencyId: "stttt", sectionId: "map", role: "update", categoryIds: [] },
    { agencyId: "syt", sectionId: "map", role: "co-update", categoryIds: [] },
    { agencyId: "syt", sectionId: "handbook", role: "lead", categoryIds: [] },
    { agencyId: "syt", sectionId: "docs", role: "update", categoryIds: ["provincial"] },
    { agencyId: "vp", sectionId: "docs", role: "review", categoryIds: [] },
    { agencyId: "ca", sectionId: "qa", role: "answer", categoryIds: [] },
    { agencyId: "stttt", sectionId: "qa", role: "monitor", categoryIds: [] },
  ],
};
const naRules: TenantRules = { tenantId: NA, sections: [{ id: "na-docs", review: false }], duties: [{ agencyId: "na-syt", sectionId: "na-docs", role: "update", categoryIds: [] }] };

const actor = (roles: UserRole[], agencyIds: string[] = [], tenantId: string | null = QN, active = true): Actor => ({ id: "u", tenantId, roles, agencyIds, active });
const item = (sectionId: string, categoryId: string | null = null, tenantId = QN) => subject("Item", { tenantId, sectionId, categoryId, agencyId: "x" });
const section = (id: string, tenantId = QN) => subject("Section", { tenantId, id });
const question = (sectionId: string, agencyId: string, tenantId = QN) => subject("Question", { tenantId, sectionId, agencyId });

type Case = [who: string, a: Actor, action: Action, what: Parameters<ReturnType<typeof defineAbilityFor>["can"]>[1], allowed: boolean];
const syt = actor(["editor"], ["syt"]);
const stttt = actor(["editor"], ["stttt"]);
const cases: Case[] = [
  // agency editors: exactly the sections their agency has editing duties on
  ["SYT editor", syt, "edit", section("handbook"), true],
  ["SYT editor", syt, "edit", section("map"), true],
  ["SYT editor", syt, "edit", section("qa"), false],
  ["SYT editor", syt, "create", item("handbook"), true],
  ["SYT editor", syt, "publish", item("handbook"), true],
  ["SYT editor", syt, "create", item("docs", "provincial"), true],
  ["SYT editor", syt, "create", item("docs", "central"), false],
  ["SYT editor", syt, "submit", item("docs", "provincial"), true],
  ["SYT editor", syt, "publish", item("docs", "provincial"), false], // docs need review
  ["SYT editor", syt, "update", item("qa"), false],
  ["SYT editor", syt, "configure", subject("Tenant", { tenantId: QN, id: QN }), false],
  ["SYT editor", syt, "invite", subject("User", { tenantId: QN }), false],
  ["SYT editor", syt, "read", subject("AuditLog", { tenantId: QN }), false],
  ["SYT editor", syt, "read", item("qa"), true],
  ["DIC editor", stttt, "edit", section("map"), true],
  ["DIC editor", stttt, "edit", section("handbook"), false],
  ["DIC editor", stttt, "edit", section("qa"), false], // monitoring is not editing
  // reviewers through the matrix
  ["Office editor", actor(["editor"], ["vp"]), "publish", item("docs", "central"), true],
  ["Office editor", actor(["editor"], ["vp"]), "create", item("docs", "central"), false],
  // answerers
  ["police answerer", actor(["answerer"], ["ca"]), "answer", question("qa", "ca"), true],
  ["police answerer", actor(["answerer"], ["ca"]), "answer", question("qa", "syt"), false],
  ["police answerer", actor(["answerer"], ["ca"]), "create", item("qa"), false],
  ["SYT answerer", actor(["answerer"], ["syt"]), "answer", question("qa", "syt"), false],
  ["SYT answerer (editor's agency, answerer's role)", actor(["answerer"], ["syt"]), "create", item("handbook"), false],
  // editorial board
  ["board", actor(["board"]), "publish", item("docs", "central"), true],
  ["board", actor(["board"]), "withdraw", item("map"), true],
  ["board", actor(["board"]), "create", item("map"), false],
  ["board", actor(["board"]), "configure", subject("Tenant", { tenantId: QN, id: QN }), false],
  // viewer
  ["viewer", actor(["viewer"]), "read", item("map"), true],
  ["viewer", actor(["viewer"]), "read", subject("Compliance", { tenantId: QN }), true],
  ["viewer", actor(["viewer"]), "update", item("map"), false],
  ["viewer", actor(["viewer"]), "publish", item("map"), false],
  // provincial admin: everything in the province
  ["admin", actor(["admin"]), "configure", subject("Tenant", { tenantId: QN, id: QN }), true],
  ["admin", actor(["admin"]), "invite", subject("User", { tenantId: QN }), true],
  ["admin", actor(["admin"]), "deactivate", subject("User", { tenantId: QN }), true],
  ["admin", actor(["admin"]), "read", subject("AuditLog", { tenantId: QN }), true],
  ["admin", actor(["admin"]), "publish", item("docs", "central"), true],
  ["admin", actor(["admin"]), "manage", "Platform", false],
  // another province's rows, even if a record slipped through
  ["admin", actor(["admin"]), "configure", subject("Tenant", { tenantId: NA, id: NA }), false],
  ["admin", actor(["admin"]), "invite", subject("User", { tenantId: NA }), false],
  ["SYT editor", syt, "create", item("handbook", null, NA), false],
  // inactive accounts can do nothing
  ["deactivated admin", actor(["admin"], [], QN, false), "read", item("map"), false],
  ["deactivated editor", actor(["editor"], ["syt"], QN, false), "edit", section("handbook"), false],
  // who watches the whole province: every section's workspace, everyone's deadlines
  ["admin", actor(["admin"]), "oversee", subject("Section", { tenantId: QN }), true],
  ["admin", actor(["admin"]), "oversee", subject("Compliance", { tenantId: QN }), true],
  ["board", actor(["board"]), "oversee", subject("Section", { tenantId: QN }), true],
  ["viewer", actor(["viewer"]), "oversee", subject("Compliance", { tenantId: QN }), true],
  ["lead unit's editor", actor(["editor"], ["stttt"]), "oversee", subject("Compliance", { tenantId: QN }), true],
  ["lead unit's editor", actor(["editor"], ["stttt"]), "oversee", subject("Section", { tenantId: QN }), false],
  ["SYT editor", syt, "oversee", subject("Compliance", { tenantId: QN }), false],
  ["SYT editor", syt, "oversee", subject("Section", { tenantId: QN }), false],
  ["board", actor(["board"]), "oversee", subject("Compliance", { tenantId: NA }), false],
  // a province's account on the apex, and an operator on a province's host
  ["operator", actor(["operator"], [], null), "read", item("map"), false],
];

describe("abilities on Quảng Ninh's host", () => {
  const table = cases.map(([who, a, action, what, allowed]) => {
    const record = typeof what === "string" ? what : JSON.stringify(what);
    return { title: `${who} ${allowed ? "may" : "may not"} ${action} ${record}`, a, action, what, allowed };
  });
  it.each(table)("$title", ({ a, action, what, allowed }) => {
    expect(defineAbilityFor(a, rules).can(action, what as never)).toBe(allowed);
  });

  it("gives a Nghệ An account nothing on Quảng Ninh's host, whatever its roles", () => {
    const na = actor(["admin", "editor", "board"], ["na-syt"], NA);
    const ability = defineAbilityFor(na, rules);
    expect(ability.rules).toEqual([]);
    expect(ability.can("read", item("map"))).toBe(false);
    // and on its own host it has its own province
    expect(defineAbilityFor(na, naRules).can("configure", subject("Tenant", { tenantId: NA, id: NA }))).toBe(true);
  });

  it("gives the operator the platform console on the apex only", () => {
    const op = actor(["operator"], [], null);
    expect(defineAbilityFor(op, null).can("manage", "Platform")).toBe(true);
    expect(defineAbilityFor(op, null).can("create", "Tenant")).toBe(true);
    expect(defineAbilityFor(op, rules).can("manage", "Platform")).toBe(false);
    expect(defineAbilityFor(actor(["admin"]), null).can("manage", "Platform")).toBe(false);
    expect(defineAbilityFor(null, rules).rules).toEqual([]);
  });

  it("filters queries to the sections and categories a user may update", () => {
    const where = accessibleBy(defineAbilityFor(syt, rules), "update").ofType("Item" as never);
    expect(where).toEqual({
      OR: expect.arrayContaining([
        { tenantId: QN, sectionId: "map" },
        { tenantId: QN, sectionId: "handbook" },
        { tenantId: QN, sectionId: "docs", categoryId: { in: ["provincial"] } },
      ]),
    });
  });
});

describe("why a section is closed", () => {
  it("names the agencies the matrix gives the section to", () => {
    expect(whySectionClosed(stttt, QN, "handbook", rules.duties, "edit")).toEqual({
      code: "agency-has-no-duty",
      work: "edit",
      owners: [{ agencyId: "syt", role: "lead" }],
    });
    expect(whySectionClosed(syt, QN, "handbook", rules.duties, "edit")).toBeNull();
  });
  it("says when the role, the agency or the province is the obstacle", () => {
    expect(whySectionClosed(actor(["viewer"], ["syt"]), QN, "handbook", rules.duties, "edit")).toEqual({ code: "role-cannot", work: "edit", needs: "editor" });
    expect(whySectionClosed(actor(["editor"], []), QN, "handbook", rules.duties, "edit")).toEqual({ code: "no-agency" });
    expect(whySectionClosed(actor(["editor"], ["syt"], NA), QN, "handbook", rules.duties, "edit")).toEqual({ code: "other-tenant" });
    expect(whySectionClosed(actor(["editor"], ["syt"], QN, false), QN, "handbook", rules.duties, "edit")).toEqual({ code: "inactive" });
    expect(whySectionClosed(actor(["answerer"], ["ca"]), QN, "qa", rules.duties, "answer")).toBeNull();
  });
});
