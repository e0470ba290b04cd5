import type { Metadata } from "next";
import { listOutlets } from "../../db/outlets";
import { can } from "../../lib/auth/roles";
import { requestDb } from "../lib/db";
import { requirePageUser } from "../lib/page-user";
import { OutletsTable } from "./outlets-table";
import { RoleRefusal } from "../components/ui";

export const metadata: Metadata = { title: "Outlets" };

export default async function OutletsPage() {
  const me = await requirePageUser("/outlets");
  if (!can(me.role, "outlets.rename")) {
    return <RoleRefusal title="Outlets" who="Only editors and admins name outlets" role={me.role} />;
  }
  const db = await requestDb();
  const outlets = await listOutlets(db);
  const unnamed = outlets.filter((o) => o.origin === "file").length;
  return (
    <>
      <h1>Outlets</h1>
      <p className="muted small">
        Names come from the article itself (page metadata, front matter, JSON fields), else the site&apos;s address, else the file name, marked{" "}
        <span className="origin">from file name</span>. Rename one to the name readers know; renaming it to another outlet&apos;s name merges the two
        spellings into one outlet. Ingest keeps the old names, so the same files and pages land in the renamed outlet.
      </p>
      {unnamed > 0 && (
        <p className="notice" data-testid="outlets-unnamed">
          {unnamed} {unnamed === 1 ? "outlet is" : "outlets are"} named after a file: give {unnamed === 1 ? "it" : "them"} a real name, or ingest with{" "}
          <code>--outlet NAME</code> (or the outlet field on the Ingest page).
        </p>
      )}
      {outlets.length === 0 ? (
        <p className="notice">No outlets yet: they appear when articles are ingested.</p>
      ) : (
        <OutletsTable outlets={outlets} />
      )}
    </>
  );
}
