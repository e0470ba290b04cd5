"use server";
/**
 * Server actions: the only writes the dashboard makes. Every one goes through
 * validatedActionWithUser (app/lib/action.ts): zod input, the signed-in user,
 * the role checked against the matrix, then the change; a refusal is
 * `{ ok: false, error }` and changes nothing. db/triage.ts runs each change in
 * one transaction and refuses stale versions.
 */
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "../db/client";
import { setFlagNote, setFlagStatus, MAX_BULK, MAX_NOTE_LENGTH } from "../db/triage";
import { createUser, disableUser, enableUser, setUserPassword, setUserRole, displayNameSchema, emailSchema, passwordSchema, roleSchema, UserError } from "../db/users";
import { FLAG_STATUSES } from "../lib/types";
import { cookieWritingAuth } from "./lib/auth";
import { validatedActionWithUser } from "./lib/action";

export type { ActionResult } from "./lib/action";

const id = z.number().int().positive();
const noteText = z.string().max(MAX_NOTE_LENGTH, `Note is too long (at most ${MAX_NOTE_LENGTH} characters).`);

const statusInput = z.object({
  flagIds: z.array(id).min(1, "No flags selected.").max(MAX_BULK, `Too many flags in one change (at most ${MAX_BULK}).`),
  versions: z.array(id),
  status: z.enum(FLAG_STATUSES, { error: `Status must be one of ${FLAG_STATUSES.join(", ")}.` }),
  note: noteText.optional(),
});

/** Changes the status of one or more flags (all or none), from the versions the editor saw. */
export const changeStatusAction = validatedActionWithUser("flags.triage", statusInput, async (input, user) => {
  const data = await setFlagStatus(await getDb(), { flagIds: input.flagIds, expectedVersions: input.versions, status: input.status, note: input.note, actor: { userId: user.id, name: user.name }, now: new Date() });
  revalidatePath("/", "layout");
  return data;
});

const noteInput = z.object({ flagId: id, version: id, note: noteText });

/** Replaces a flag's note, from the version the editor saw. */
export const changeNoteAction = validatedActionWithUser("flags.triage", noteInput, async (input, user) => {
  const data = await setFlagNote(await getDb(), { flagId: input.flagId, expectedVersion: input.version, note: input.note, actor: { userId: user.id, name: user.name }, now: new Date() });
  revalidatePath("/", "layout");
  return data;
});

/** Ends this browser's session and goes to the sign-in page. */
export const signOutAction = validatedActionWithUser("account.manage", z.object({}), async () => {
  await (await cookieWritingAuth()).api.signOut({ headers: await headers() });
  redirect("/sign-in");
});

const changePasswordInput = z
  .object({ currentPassword: z.string().min(1, "Your current password is missing."), newPassword: passwordSchema, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], error: "The two new passwords differ." });

/** Changes the signed-in user's password and ends their other sessions. */
export const changePasswordAction = validatedActionWithUser("account.manage", changePasswordInput, async (input) => {
  try {
    await (await cookieWritingAuth()).api.changePassword({ body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true }, headers: await headers() });
  } catch (e) {
    // better-auth answers a wrong current password with an APIError; say it plainly.
    if (e instanceof Error && /invalid password/i.test(e.message)) throw new UserError("Your current password is wrong; the password was not changed.");
    throw e;
  }
  // The new session cookie makes Next re-render the page, which would lose a
  // client-side message: the account page says it from the URL instead.
  redirect("/account?password=changed");
});

const userId = z.string().min(1).max(100);

/** Adds an account; returns it with its one-time password. */
export const createUserAction = validatedActionWithUser("users.manage", z.object({ email: emailSchema, name: displayNameSchema, role: roleSchema }), async (input) => {
  const r = await createUser(await getDb(), input);
  revalidatePath("/admin/users");
  return { email: r.user.email, name: r.user.name, role: r.user.role, password: r.password };
});

/** Changes a user's role. */
export const setRoleAction = validatedActionWithUser("users.manage", z.object({ userId, role: roleSchema }), async (input) => {
  const u = await setUserRole(await getDb(), { id: input.userId }, input.role);
  revalidatePath("/admin/users");
  return u;
});

/** Disables (ending every session at once) or enables a user; an admin cannot disable themselves. */
export const setDisabledAction = validatedActionWithUser("users.manage", z.object({ userId, disabled: z.boolean() }), async (input, user) => {
  if (input.disabled && input.userId === user.id) throw new UserError("You cannot disable your own account.");
  const db = await getDb();
  const u = input.disabled ? await disableUser(db, { id: input.userId }) : await enableUser(db, { id: input.userId });
  revalidatePath("/admin/users");
  return u;
});

/** Gives a user a new one-time password (ending their sessions); returns it once. */
export const resetPasswordAction = validatedActionWithUser("users.manage", z.object({ userId }), async (input) => {
  const r = await setUserPassword(await getDb(), { id: input.userId });
  return { email: r.user.email, password: r.password };
});
