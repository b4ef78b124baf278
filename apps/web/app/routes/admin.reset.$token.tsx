// /admin/reset/<token>: the page a one-time reset link opens (see utils/password-link.server.ts).
import { AdminErrorBoundary } from "~/components/admin/admin-error";
import { PasswordLinkPage } from "~/components/admin/password-link-page";
import { passwordLinkAction, passwordLinkLoader } from "~/utils/password-link.server";

export const loader = passwordLinkLoader("reset");
export const action = passwordLinkAction("reset");

export default function Page() {
  return <PasswordLinkPage kind="reset" />;
}

export const ErrorBoundary = AdminErrorBoundary;
