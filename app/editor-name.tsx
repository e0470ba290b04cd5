"use client";
/** The signed-in user in the header: name and role, a link to the account page, and sign-out. */
import Link from "next/link";
import { useTransition } from "react";
import { signOutAction } from "./actions";

export function EditorName({ user }: { user: { name: string; email: string; role: string | null } }) {
  const [pending, start] = useTransition();
  return (
    <div className="editor" data-testid="editor">
      <span title={user.email}>
        <strong data-testid="editor-name">{user.name}</strong> <span className="muted" data-testid="editor-role">({user.role ?? "no role"})</span>
      </span>{" "}
      <Link href="/account">Account</Link>{" "}
      <button
        type="button"
        className="link"
        data-testid="sign-out"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await signOutAction({});
            // The action redirects to the sign-in page; when the session had already ended, go there anyway.
            if (r && !r.ok) window.location.assign("/sign-in");
          })
        }
      >
        Sign out
      </button>
    </div>
  );
}
