"use server";
/** Renaming and merging outlets: editors and admins, through the permission matrix. */
import { z } from "zod";
import { createJob } from "../../db/ingest-jobs";
import { renameOutlet } from "../../db/outlets";
import { MAX_OUTLET_NAME } from "../../lib/ingest/outlet-name";
import { validatedActionWithUser } from "../lib/action";
import { requestDb } from "../lib/db";
import { startJobProcess } from "../lib/ingest-runner";

const renameInput = z.object({
  outletId: z.number().int().positive(),
  // The full check (white space, invisible characters) is checkOutletName's, inside renameOutlet.
  name: z.string().max(MAX_OUTLET_NAME * 4, `an outlet name is at most ${MAX_OUTLET_NAME} characters`),
});

/**
 * Renames an outlet (merging it into another that has the name). The stories it
 * appears in are re-analysed in the background, so explanations name it anew.
 */
export const renameOutletAction = validatedActionWithUser("outlets.rename", renameInput, async (input, user) => {
  const db = await requestDb();
  const outcome = await renameOutlet(db, input.outletId, input.name);
  let reanalysis: number | null = null;
  if (outcome.stories.length) {
    reanalysis = await createJob(db, { urls: [], files: [], rejected: [], analyzeOnly: true }, user.id);
    startJobProcess(db, reanalysis);
  }
  return { ...outcome, reanalysis };
});
