/**
 * The one gate of every write and every export, in the manner of the Next.js
 * SaaS starter's `validatedActionWithUser`: validate the input with zod, load
 * the signed-in user (a disabled account or an ended session is signed out),
 * check the user's role against the permission matrix (lib/auth/roles.ts),
 * then act. A refusal is `{ ok: false, error }` with a message meant for the
 * person (server actions) or a JSON error with 401/403 (route handlers);
 * nothing is changed.
 */
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { OutletError } from "../../db/outlets";
import { TriageError } from "../../db/triage";
import { UserError } from "../../db/users";
import { can, refusalMessage, type Action, type Role } from "../../lib/auth/roles";
import { currentUser, type SignedInUser } from "./auth";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string };

/** A signed-in user whose role the matrix allowed the action. */
export type AllowedUser = SignedInUser & { role: Role };

export const SIGNED_OUT_MESSAGE = "You are signed out (your session ended or your account was disabled): sign in again. Nothing was changed.";

/** The first problem of a failed validation, as one line naming the field. */
export function firstIssue(e: z.ZodError): string {
  const i = e.issues[0];
  return i ? `${i.path.length ? i.path.join(".") + ": " : ""}${i.message}` : "Invalid input.";
}

type Gate = { ok: true; user: AllowedUser } | { ok: false; status: 401 | 403; error: string };

/** Loads the request's user and checks `action` against the matrix. */
export async function authorize(action: Action, requestHeaders?: Headers): Promise<Gate> {
  const user = await currentUser(requestHeaders);
  if (!user) return { ok: false, status: 401, error: SIGNED_OUT_MESSAGE };
  if (!user.role) return { ok: false, status: 403, error: "Your account has no known role; ask an admin to set one. Nothing was changed." };
  if (!can(user.role, action)) return { ok: false, status: 403, error: `${refusalMessage(user.role, action)} Nothing was changed.` };
  return { ok: true, user: { ...user, role: user.role } };
}

/** The message for a failure while acting: a refusal the person can act on, or a generic server error (logged). */
function failure(e: unknown): { ok: false; error: string } {
  if (e instanceof TriageError || e instanceof UserError || e instanceof OutletError) return { ok: false, error: e.message };
  console.error(e);
  return { ok: false, error: "The change could not be saved (server error); nothing was changed." };
}

/**
 * Wraps a server action: `schema` validates the input, `action` names what it
 * does in the matrix, `fn` acts for the allowed user.
 */
export function validatedActionWithUser<S extends z.ZodType, T>(
  action: Action,
  schema: S,
  fn: (input: z.output<S>, user: AllowedUser) => Promise<T> | T,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
    const gate = await authorize(action);
    if (!gate.ok) return { ok: false, error: gate.error };
    try {
      return { ok: true, data: await fn(parsed.data, gate.user) };
    } catch (e) {
      unstable_rethrow(e); // redirect() and Next's own control flow pass through
      return failure(e);
    }
  };
}

/** A route handler's refusal: `{ error: { code, message } }` with `status`, never cached. */
export function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });
}

/** The route-handler twin: 401 (signed out) or 403 (role) as `{ error: { code, message } }`, else the handler's response. */
export function routeWithUser(action: Action, fn: (request: Request, user: AllowedUser) => Promise<Response> | Response): (request: Request) => Promise<Response> {
  return async (request) => {
    const gate = await authorize(action, request.headers);
    if (!gate.ok) return jsonError(gate.status, gate.status === 401 ? "signed_out" : "forbidden", gate.error);
    return fn(request, gate.user);
  };
}
