// /admin/invite/<token>: the page a one-time invite link opens (see utils/password-link.server.ts).
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { PasswordLinkPage } from "~/components/admin/password-link-page";
import { passwordLinkAction, passwordLinkLoader } from "~/utils/password-link.server";

export const loader = passwordLinkLoader("invite");
export const action = passwordLinkAction("invite");

export default function Page() {
  return <PasswordLinkPage kind="invite" />;
}

export const ErrorBoundary = AdminErrorBoundary;
