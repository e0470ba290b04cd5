import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { can } from "../lib/auth/roles";
import { EditorName } from "./editor-name";
import { currentUser } from "./lib/auth";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Parallax", template: "%s · Parallax" },
  description: "Source-divergence desk: reworded, cut and unsupported quotes and claims across the outlets of a story.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
      <body>
        <a className="skip" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Parallax
          </Link>
          {user && (
            <nav aria-label="Main">
              <Link href="/flags">Flags</Link>
              <Link href="/stories">Stories</Link>
              {can(user.role, "articles.ingest") && <Link href="/ingest">Ingest</Link>}
              {can(user.role, "outlets.rename") && <Link href="/outlets">Outlets</Link>}
              {can(user.role, "users.manage") && <Link href="/admin/users">Users</Link>}
            </nav>
          )}
          {user && <EditorName user={{ name: user.name, email: user.email, role: user.role }} />}
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
