import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { EditorName } from "./editor-name";
import { currentEditor } from "./lib/editor";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Parallax", template: "%s · Parallax" },
  description: "Source-divergence desk: reworded, cut and unsupported quotes and claims across the outlets of a story.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const editor = await currentEditor();
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
          <nav aria-label="Main">
            <Link href="/flags">Flags</Link>
            <Link href="/stories">Stories</Link>
          </nav>
          <EditorName editor={editor} />
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
