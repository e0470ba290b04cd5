"use client";
/**
 * E-mail and password, posted to better-auth's sign-in endpoint (which rate
 * limits it). A wrong password and an unknown e-mail read the same, so the
 * form does not tell whether an account exists.
 */
import { useState, type FormEvent } from "react";

export const WRONG_CREDENTIALS = "E-mail or password is wrong.";

export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), rememberMe: true }),
      });
      if (res.ok) {
        // A full load, so the header and every page render for the signed-in user.
        window.location.assign(next);
        return;
      }
      if (res.status === 429) {
        const wait = Number(res.headers.get("x-retry-after")) || 60;
        setError(`Too many sign-in attempts from this address; try again in ${wait} seconds.`);
      } else if (res.status === 403) {
        const body = (await res.json().catch(() => null)) as { message?: string } | null;
        setError(body?.message ?? "This account may not sign in.");
      } else if (res.status === 400 || res.status === 401) {
        setError(WRONG_CREDENTIALS);
      } else {
        setError(`Sign-in failed (server error ${res.status}); try again.`);
      }
    } catch {
      setError("The server did not answer; check the connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} method="post" className="stack" aria-label="Sign in">
      <label htmlFor="sign-in-email">E-mail</label>
      <input id="sign-in-email" name="email" type="email" autoComplete="username" required maxLength={254} />
      <label htmlFor="sign-in-password">Password</label>
      <input id="sign-in-password" name="password" type="password" autoComplete="current-password" required maxLength={128} />
      <button type="submit" disabled={pending} data-testid="sign-in-submit">
        {pending ? "Signing in…" : "Sign in"}
      </button>
      {error && (
        <p role="alert" className="error" data-testid="sign-in-error">
          {error}
        </p>
      )}
    </form>
  );
}
