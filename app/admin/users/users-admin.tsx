"use client";
/** The users table and the add-user form; every change is a role-checked server action. */
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { createUserAction, resetPasswordAction, setDisabledAction, setRoleAction } from "../../actions";

interface Row {
  id: string;
  email: string;
  name: string;
  role: string | null;
  disabled: boolean;
  createdAt: string;
}

type Notice = { ok: boolean; text: string; password?: { email: string; password: string } };

export function UsersAdmin({ users, roles, selfId }: { users: Row[]; roles: string[]; selfId: string }) {
  const router = useRouter();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, start] = useTransition();

  function run<T>(fn: () => Promise<{ ok: true; data: T } | { ok: false; error: string }>, done: (data: T) => Notice) {
    start(async () => {
      const r = await fn();
      setNotice(r.ok ? done(r.data) : { ok: false, text: r.error });
      if (r.ok) router.refresh();
    });
  }

  function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const f = new FormData(formEl);
    run(
      () => createUserAction({ email: String(f.get("email") ?? ""), name: String(f.get("name") ?? ""), role: String(f.get("role") ?? "viewer") as "viewer" }),
      (d) => {
        formEl.reset();
        return { ok: true, text: `Added ${d.name} (${d.role}).`, password: { email: d.email, password: d.password } };
      },
    );
  }

  return (
    <>
      {notice && (
        <div role={notice.ok ? "status" : "alert"} className={notice.ok ? "notice" : "error"} data-testid="users-notice">
          <p>{notice.text}</p>
          {notice.password && (
            <p>
              One-time password for <strong>{notice.password.email}</strong>: <code data-testid="one-time-password">{notice.password.password}</code> — shown
              once; hand it over privately. They can change it on their Account page.
            </p>
          )}
        </div>
      )}
      <table className="users" data-testid="users-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>E-mail</th>
            <th>Role</th>
            <th>State</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-email={u.email}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>
                <select
                  aria-label={`Role of ${u.email}`}
                  value={u.role ?? ""}
                  disabled={pending}
                  onChange={(e) => run(() => setRoleAction({ userId: u.id, role: e.target.value as "viewer" }), (d) => ({ ok: true, text: `${d.email} is now ${d.role}.` }))}
                >
                  {u.role === null && <option value="">(none)</option>}
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </td>
              <td>{u.disabled ? <strong className="status status-dismissed">disabled</strong> : "active"}</td>
              <td>
                {u.id !== selfId && (
                  <button
                    type="button"
                    disabled={pending}
                    onClick={() =>
                      run(
                        () => setDisabledAction({ userId: u.id, disabled: !u.disabled }),
                        (d) => ({ ok: true, text: d.disabled ? `${d.email} is disabled and signed out.` : `${d.email} is enabled.` }),
                      )
                    }
                  >
                    {u.disabled ? "Enable" : "Disable"}
                  </button>
                )}{" "}
                <button
                  type="button"
                  className="link"
                  disabled={pending}
                  onClick={() =>
                    run(() => resetPasswordAction({ userId: u.id }), (d) => ({ ok: true, text: `New password set; ${d.email} was signed out.`, password: d }))
                  }
                >
                  New password
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Add a user</h2>
      <form onSubmit={add} method="post" className="stack" aria-label="Add a user">
        <label htmlFor="new-user-email">E-mail</label>
        <input id="new-user-email" name="email" type="email" required maxLength={254} />
        <label htmlFor="new-user-name">Name (shown in the flag history)</label>
        <input id="new-user-name" name="name" required maxLength={80} />
        <label htmlFor="new-user-role">Role</label>
        <select id="new-user-role" name="role" defaultValue="viewer">
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <button type="submit" disabled={pending} data-testid="add-user">
          Add user
        </button>
      </form>
    </>
  );
}
