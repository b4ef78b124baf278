// The shape of an account as an admin or operator enters it: one schema for the CLI, the invitation
// form and the edit form.
import { z } from "zod";
import { TENANT_ROLES } from "@cong/authz";
import { emailSchema } from "./password.ts";

export const tenantRoleSchema = z.enum(TENANT_ROLES as [string, ...string[]], "errors.roleUnknown");

export const userInputSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1, "errors.nameRequired").max(120, "errors.nameTooLong").transform((s) => s.normalize("NFC")),
    roles: z.array(tenantRoleSchema).min(1, "errors.roleRequired").transform((r) => [...new Set(r)]),
    agencies: z.array(z.string().trim().min(1)).default([]).transform((a) => [...new Set(a)]),
    // In a collective agency (every commune's People's Committee…), the unit this member acts for: its
    // GSO code. Empty: none (the member then enters no unit's figures).
    unit: z
      .union([z.literal(""), z.string().trim().regex(/^\d{2,6}$/, "errors.unitCodeInvalid")])
      .nullish()
      .transform((s) => s || null),
  })
  .superRefine((u, ctx) => {
    // Editors and answerers act for an agency: without one, the matrix gives them nothing.
    if ((u.roles.includes("editor") || u.roles.includes("answerer")) && u.agencies.length === 0)
      ctx.addIssue({ code: "custom", path: ["agencies"], message: "errors.agencyRequired" });
  });
export type UserInput = z.output<typeof userInputSchema>;

export const operatorInputSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "errors.nameRequired").max(120, "errors.nameTooLong").transform((s) => s.normalize("NFC")),
});
