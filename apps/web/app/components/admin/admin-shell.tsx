// The admin frame: which portal, who is signed in (and a sign-out button), the menu their rights open.
import { Form, NavLink } from "@remix-run/react";
import type { CSSProperties, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/form/csrf-input";
import type { NavKey } from "~/utils/admin-nav.server";

const HREF: Record<NavKey, string> = {
  dashboard: "/admin",
  tenants: "/admin",
  sections: "/admin/sections",
  figures: "/admin/figures",
  places: "/admin/places",
  deadlines: "/admin/deadlines",
  calendar: "/admin/calendar",
  users: "/admin/users",
  config: "/admin/config",
  audit: "/admin/audit",
  outbox: "/admin/outbox",
};

type Props = {
  portal: string | null;
  color: string | null;
  viewer: { name: string; email: string; roles: string[] } | null;
  nav: NavKey[];
  children: ReactNode;
};

export function AdminShell({ portal, color, viewer, nav, children }: Props) {
  const { t } = useTranslation();
  const style = color ? ({ "--brand": color } as CSSProperties) : undefined;
  return (
    <div className="page admin" style={style}>
      <a className="skip-link" href="#main">
        {t("a11y.skipToContent")}
      </a>
      <header className="admin-bar">
        <div className="container admin-bar-inner">
          <p className="admin-title">
            <a href="/">{portal ?? t("platform.name")}</a> · <span>{t(portal ? "admin.title" : "admin.platformTitle")}</span>
          </p>
          {viewer ? (
            <div className="admin-user">
              <span>
                {viewer.name} <span className="muted">({viewer.roles.map((r) => t(`users.roles.${r}`)).join(", ")})</span>
              </span>
              <Form method="post" action="/admin/logout">
                <CsrfInput />
                <button type="submit" className="link-button">
                  {t("auth.signOut")}
                </button>
              </Form>
            </div>
          ) : null}
        </div>
        {nav.length > 0 ? (
          <nav className="container admin-nav" aria-label={t("admin.navLabel")}>
            <ul>
              {nav.map((key) => (
                <li key={key}>
                  <NavLink to={HREF[key]} end={key === "dashboard"}>
                    {t(`admin.nav.${key}`)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" className="container admin-main">
        {children}
      </main>
    </div>
  );
}
