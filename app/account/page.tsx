import type { Metadata } from "next";
import { requirePageUser } from "../lib/page-user";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  return (
    <>
      <h1>Account</h1>
      <dl className="meta">
        <dt>Name</dt>
        <dd data-testid="account-name">{user.name}</dd>
        <dt>E-mail</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd data-testid="account-role">{user.role ?? "none"}</dd>
      </dl>
      <h2>Change password</h2>
      <ChangePasswordForm />
    </>
  );
}
