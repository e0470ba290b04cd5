/**
 * The demo's admin account: made on the first `npm run demo`, with a random
 * password shown that once (it is stored hashed); later runs find it and say
 * how to set a new password.
 */
import type { Db } from "../db/client";
import { createUser, findUserByEmail } from "../db/users";

export const DEMO_ADMIN = { email: "admin@parallax.local", name: "Demo admin", role: "admin" } as const;

/** Creates the demo admin when missing; returns the lines to print (the password only when just created). */
export async function ensureDemoAdmin(db: Db): Promise<{ created: boolean; password: string | null; lines: string[] }> {
  if (await findUserByEmail(db, DEMO_ADMIN.email)) {
    return {
      created: false,
      password: null,
      lines: [`Sign in as ${DEMO_ADMIN.email} with the password printed on the first run`, `  (forgot it? npm run user -- set-password --email ${DEMO_ADMIN.email})`],
    };
  }
  const { password } = await createUser(db, DEMO_ADMIN);
  return {
    created: true,
    password,
    lines: ["Demo admin account (created now; the password is shown this once):", `  e-mail:   ${DEMO_ADMIN.email}`, `  password: ${password}`],
  };
}
