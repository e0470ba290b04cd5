import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "../lib/auth";
import { NEXT_PARAM, safeNextPath } from "../lib/security";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams)[NEXT_PARAM];
  const next = safeNextPath(typeof raw === "string" ? raw : null);
  if (await currentUser()) redirect(next);
  return (
    <section className="sign-in">
      <h1>Sign in</h1>
      <p className="muted small">Accounts are created by an admin (Users page) or with <code>npm run user -- add</code>.</p>
      <SignInForm next={next} />
    </section>
  );
}
