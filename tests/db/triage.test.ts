import { beforeEach, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { getFlag, listFlags } from "../../db/queries";
import { MAX_NOTE_LENGTH, setFlagNote, setFlagStatus, TriageError } from "../../db/triage";
import * as limits from "../../lib/triage/limits";
import { describeStores, seedFlagsOn } from "./stores";

let db: Db;
const t0 = new Date("2026-04-01T09:00:00.000Z");
const t1 = new Date("2026-04-01T09:05:00.000Z");

const row = async (id: number) => (await db.select().from(db.t.flags).where(eq(db.t.flags.id, id)))[0]!;
const events = (id: number) => db.select().from(db.t.flagEvents).where(eq(db.t.flagEvents.flagId, id)).orderBy(asc(db.t.flagEvents.id));

describeStores("triage", (store) => {
  beforeEach(async () => {
    db = await store.reset();
    await seedFlagsOn(db, { flags: 6, seed: 7, flagsPerStory: 6 });
  });

  describe("setFlagStatus", () => {
    it("changes status and note, bumps the version and records who, when, from, to", async () => {
      const [r] = await setFlagStatus(db, { flagIds: 1, expectedVersions: 1, status: "unsupported", note: "No source for this.", editor: " Ada ", now: t0 });
      expect(r).toEqual({ id: 1, status: "unsupported", note: "No source for this.", version: 2, updatedAt: t0.toISOString() });
      expect(await row(1)).toMatchObject({ status: "unsupported", note: "No source for this.", version: 2, updatedAt: t0.toISOString() });
      expect(await events(1)).toMatchObject([{ editor: "Ada", at: t0.toISOString(), action: "status", fromStatus: "open", toStatus: "unsupported", note: "No source for this." }]);
      // back to open
      await setFlagStatus(db, { flagIds: [1], expectedVersions: [2], status: "open", editor: "Ben", now: t1 });
      expect(await row(1)).toMatchObject({ status: "open", note: "No source for this.", version: 3 });
      expect((await getFlag(db, 1))!.history.map((h) => `${h.editor}:${h.fromStatus}->${h.toStatus}`)).toEqual(["Ben:unsupported->open", "Ada:open->unsupported"]);
    });

    it("refuses a change made from a stale version, naming who changed it and when", async () => {
      await setFlagStatus(db, { flagIds: 2, expectedVersions: 1, status: "verified", editor: "Ada", now: t0 });
      let err: unknown;
      try {
        await setFlagStatus(db, { flagIds: 2, expectedVersions: 1, status: "dismissed", editor: "Ben", now: t1 });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(TriageError);
      expect((err as TriageError).code).toBe("conflict");
      expect((err as Error).message).toBe(`Flag 2 was changed by Ada at ${t0.toISOString()} since you opened it; reload to see the change.`);
      expect(await row(2)).toMatchObject({ status: "verified", version: 2 });
      expect(await events(2)).toHaveLength(1);
    });

    it("applies a bulk change to all flags or to none", async () => {
      await setFlagStatus(db, { flagIds: 4, expectedVersions: 1, status: "verified", editor: "Ada", now: t0 });
      await expect(setFlagStatus(db, { flagIds: [3, 4, 5], expectedVersions: { 3: 1, 4: 1, 5: 1 }, status: "dismissed", editor: "Ben", now: t1 })).rejects.toThrow(/Flag 4 was changed by Ada/);
      expect([(await row(3)).status, (await row(4)).status, (await row(5)).status]).toEqual(["open", "verified", "open"]);
      expect(await events(3)).toHaveLength(0);
      const done = await setFlagStatus(db, { flagIds: [3, 4, 5], expectedVersions: [1, 2, 1], status: "dismissed", editor: "Ben", now: t1 });
      expect(done.map((d) => [d.id, d.status, d.version])).toEqual([
        [3, "dismissed", 2],
        [4, "dismissed", 3],
        [5, "dismissed", 2],
      ]);
      expect((await listFlags(db, { status: ["dismissed"] }, { index: 0, size: 10 })).total).toBe(3);
    });

    it("refuses a missing flag without touching the others", async () => {
      await expect(setFlagStatus(db, { flagIds: [1, 999], expectedVersions: [1, 1], status: "verified", editor: "Ada", now: t0 })).rejects.toThrow(/Flag 999 does not exist/);
      expect((await row(1)).status).toBe("open");
    });

    it("validates its input with precise messages", async () => {
      const base = { flagIds: 1, expectedVersions: 1, editor: "Ada", now: t0 } as const;
      await expect(setFlagStatus(db, { ...base, status: "maybe" as never })).rejects.toThrow(/Unknown status "maybe"/);
      await expect(setFlagStatus(db, { ...base, status: "open", editor: "  " })).rejects.toThrow(/Editor name is missing/);
      await expect(setFlagStatus(db, { ...base, status: "open", note: "x".repeat(5001) })).rejects.toThrow(/Note is too long/);
      await expect(setFlagStatus(db, { ...base, flagIds: [1, 1], expectedVersions: [1, 1], status: "open" })).rejects.toThrow(/twice/);
      await expect(setFlagStatus(db, { ...base, flagIds: [1, 2], expectedVersions: [1], status: "open" })).rejects.toThrow(/1 expected versions given for 2 flags/);
      await expect(setFlagStatus(db, { ...base, flagIds: [], expectedVersions: [], status: "open" })).rejects.toThrow(/No flags selected/);
      await expect(setFlagStatus(db, { ...base, status: "open", now: new Date("nope") })).rejects.toThrow(/valid Date/);
    });

    it("records nothing for a change that changes nothing", async () => {
      const [r] = await setFlagStatus(db, { flagIds: 1, expectedVersions: 1, status: "open", editor: "Ada", now: t0 });
      expect(r.version).toBe(1);
      expect(await events(1)).toHaveLength(0);
    });

    it("keeps the full-text index in step with the note", async () => {
      await setFlagStatus(db, { flagIds: 6, expectedVersions: 1, status: "unsupported", note: "quokka sighting unconfirmed", editor: "Ada", now: t0 });
      expect((await listFlags(db, { q: "quokka" }, { index: 0, size: 10 })).rows.map((r) => r.id)).toEqual([6]);
    });
  });

  describe("an oversized note", () => {
    it("is refused with a TriageError naming the limit, by both writes, and nothing is written", async () => {
      expect(MAX_NOTE_LENGTH).toBe(limits.MAX_NOTE_LENGTH);
      const long = "n".repeat(MAX_NOTE_LENGTH + 1);
      const refusal = async (fn: () => Promise<unknown>): Promise<TriageError> => {
        try {
          await fn();
        } catch (e) {
          return e as TriageError;
        }
        throw new Error("not refused");
      };
      for (const err of [
        await refusal(() => setFlagStatus(db, { flagIds: 1, expectedVersions: 1, status: "verified", note: long, editor: "Ada", now: t0 })),
        await refusal(() => setFlagNote(db, { flagId: 1, expectedVersion: 1, note: long, editor: "Ada", now: t0 })),
      ]) {
        expect(err).toBeInstanceOf(TriageError);
        expect(err.code).toBe("invalid");
        expect(err.message).toBe(`Note is too long (${MAX_NOTE_LENGTH + 1} characters, at most ${MAX_NOTE_LENGTH}).`);
      }
      expect(await row(1)).toMatchObject({ status: "open", note: "", version: 1 });
      expect(await events(1)).toHaveLength(0);
      // At the limit it is accepted.
      expect((await setFlagNote(db, { flagId: 1, expectedVersion: 1, note: "n".repeat(MAX_NOTE_LENGTH), editor: "Ada", now: t0 })).version).toBe(2);
    });
  });

  describe("setFlagNote", () => {
    it("replaces the note, records it and refuses a stale version", async () => {
      const r = await setFlagNote(db, { flagId: 1, expectedVersion: 1, note: "Called the office.", editor: "Ada", now: t0 });
      expect(r).toMatchObject({ note: "Called the office.", version: 2, status: "open" });
      expect(await events(1)).toMatchObject([{ action: "note", note: "Called the office.", editor: "Ada" }]);
      await expect(setFlagNote(db, { flagId: 1, expectedVersion: 1, note: "Other", editor: "Ben", now: t1 })).rejects.toThrow(/changed by Ada/);
      expect((await row(1)).note).toBe("Called the office.");
    });
  });
});
