// The signed-in person as every admin page sees them: who, in which province, with which roles and
// agencies. Built from the session on each request, so a deactivation or a role change applies at once.
import type { Localized } from "@cong/config";
import type { UserRole } from "@cong/authz";

/** memberUnit: in a collective agency (every commune's People's Committee…), the unit this member acts for. */
export type ViewerAgency = { id: string; key: string; names: Localized; memberUnit?: string | null };
export type Viewer = {
  id: string;
  sessionId: string;
  tenantId: string | null;
  email: string;
  name: string;
  roles: UserRole[];
  agencies: ViewerAgency[];
};
