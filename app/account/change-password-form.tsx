"use client";
/** Changes the signed-in user's password; their other sessions end. */
import { useState, useTransition, type FormEvent } from "react";
import { changePasswordAction } from "../actions";

export function ChangePasswordForm() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();

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
      if (r.ok) formEl.reset();
      setMessage(r.ok ? { ok: true, text: "Password changed; your other sessions were signed out." } : { ok: false, text: r.error });
    });
  }

  return (
    <form onSubmit={submit} className="stack" aria-label="Change password">
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
