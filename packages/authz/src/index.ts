// @cong/authz: who may do what, from the tenant's matrix (CASL). Pure: no database, no I/O.
export { USER_ROLES, TENANT_ROLES, isUserRole, EDITING_DUTIES, ANSWERING_DUTIES, REVIEWING_DUTIES, type UserRole } from "./roles.ts";
export { defineAbilityFor, ACTIONS, type Action, type Actor, type AppAbility, type AppSubject, TENANT_SUBJECTS, type MatrixDuty, type FigureSeriesRef, type PlaceKindRef, type SectionRef, type SubjectName, type TenantRules } from "./define-ability.ts";
export { whySectionClosed, type ClosedReason, type SectionWork } from "./explain.ts";
export { subject } from "@casl/ability";
export { accessibleBy } from "@casl/prisma/runtime";
