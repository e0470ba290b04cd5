/** The signed-in user a page renders for; anyone else goes to the sign-in page. */
import { redirect } from "next/navigation";
import { NEXT_PARAM, safeNextPath, SIGN_IN_PATH } from "./security";
import { currentUser, type SignedInUser } from "./auth";

/**
 * Returns the request's user, or redirects to the sign-in page (coming back
 * to `path` afterwards). The proxy already sends visitors without a session
 * cookie there; this also catches an ended session or a disabled account.
 */
export async function requirePageUser(path = "/"): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect(`${SIGN_IN_PATH}?${NEXT_PARAM}=${encodeURIComponent(safeNextPath(path))}`);
  return user;
}
