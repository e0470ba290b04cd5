import type { Metadata } from "next";
import { requirePageUser } from "../lib/page-user";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/account");
  const changed = (await searchParams).password === "changed";
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
      <ChangePasswordForm changed={changed} />
    </>
  );
}
