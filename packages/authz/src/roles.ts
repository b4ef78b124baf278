// The roles an account can hold. A platform operator belongs to no province; every other role is held
// within one province, and its reach follows the agencies the user belongs to (the tenant's matrix).
export const USER_ROLES = ["operator", "admin", "board", "editor", "answerer", "viewer"] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const TENANT_ROLES = USER_ROLES.filter((r) => r !== "operator") as Exclude<UserRole, "operator">[];

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === "string" && (USER_ROLES as readonly string[]).includes(value);
}

/** Matrix duties that let an agency's editors write a section's content. */
export const EDITING_DUTIES = ["lead", "update", "co-update"] as const;
/** Matrix duties that let an agency's answerers reply to what citizens send to a section. */
export const ANSWERING_DUTIES = ["answer"] as const;
/** Matrix duties that let an agency's editors approve a section's items where review is required. */
export const REVIEWING_DUTIES = ["review"] as const;
