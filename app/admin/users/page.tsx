import type { Metadata } from "next";
import { listUsers } from "../../../db/users";
import { can, ROLES } from "../../../lib/auth/roles";
import { requestDb } from "../../lib/db";
import { requirePageUser } from "../../lib/page-user";
import { UsersAdmin } from "./users-admin";
import { RoleRefusal } from "../../components/ui";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requirePageUser("/admin/users");
  if (!can(me.role, "users.manage")) {
    return <RoleRefusal title="Users" who="Only admins manage users" role={me.role} />;
  }
  const db = await requestDb();
  const users = (await listUsers(db)).map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabled, createdAt: u.createdAt.toISOString() }));
  return (
    <>
      <h1>Users</h1>
      <p className="muted small">
        Viewers read and export; editors also triage; admins also manage users. A disabled user is signed out at once and cannot sign in; their name stays
        in the flag history.
      </p>
      <UsersAdmin users={users} roles={[...ROLES]} selfId={me.id} />
    </>
  );
}
