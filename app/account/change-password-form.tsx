"use client";
/** Changes the signed-in user's password; their other sessions end. */
import { useEffect, useState, useTransition, type FormEvent } from "react";
import { changePasswordAction } from "../actions";

export const PASSWORD_CHANGED_MESSAGE = "Password changed; your other sessions were signed out.";

/** `changed`: the page was reached by the redirect that follows a successful change. */
export function ChangePasswordForm({ changed = false }: { changed?: boolean }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(changed ? { ok: true, text: PASSWORD_CHANGED_MESSAGE } : null);
  const [pending, start] = useTransition();
  // Until hydrated, a submit would be the browser's own: it posts to the page (never a GET with the passwords in the URL) and does nothing.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    start(async () => {
      const r = await changePasswordAction({
        currentPassword: String(form.get("currentPassword") ?? ""),
        newPassword: String(form.get("newPassword") ?? ""),
        confirmPassword: String(form.get("confirmPassword") ?? ""),
      });
      // Success redirects (see changePasswordAction); only a refusal comes back here.
      if (r.ok) formEl.reset();
      setMessage(r.ok ? { ok: true, text: PASSWORD_CHANGED_MESSAGE } : { ok: false, text: r.error });
    });
  }

  return (
    <form onSubmit={submit} method="post" className="stack" aria-label="Change password" data-ready={ready ? "" : undefined}>
      <label htmlFor="current-password">Current password</label>
      <input id="current-password" name="currentPassword" type="password" autoComplete="current-password" required />
      <label htmlFor="new-password">New password (at least 12 characters)</label>
      <input id="new-password" name="newPassword" type="password" autoComplete="new-password" required minLength={12} maxLength={128} />
      <label htmlFor="confirm-password">New password again</label>
      <input id="confirm-password" name="confirmPassword" type="password" autoComplete="new-password" required minLength={12} maxLength={128} />
      <button type="submit" disabled={pending}>
        Change password
      </button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "ok" : "error"} data-testid="password-message">
          {message.text}
        </p>
      )}
    </form>
  );
}
