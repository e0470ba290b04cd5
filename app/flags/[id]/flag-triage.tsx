"use client";
/** Status buttons and the note editor of one flag; every change names the version this page was rendered from. */
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import type { FlagStatus } from "../../../lib/types";
import { changeNoteAction, changeStatusAction } from "../../actions";

const BUTTONS: { status: FlagStatus; label: string; key: string }[] = [
  { status: "verified", label: "Verified", key: "v" },
  { status: "unsupported", label: "Unsupported", key: "u" },
  { status: "dismissed", label: "Dismissed", key: "d" },
  { status: "open", label: "Reopen", key: "o" },
];

export interface FlagTriageProps {
  id: number;
  version: number;
  status: FlagStatus;
  note: string;
  /** The signed-in user's role may triage (lib/auth/roles.ts): otherwise only the j/k keys, no buttons or note editor. */
  canTriage: boolean;
  /** Previous/next flag pages in the table's view, for j/k. */
  prevHref?: string | null;
  nextHref?: string | null;
}

export function FlagTriage({ id, version, status, note, canTriage, prevHref, nextHref }: FlagTriageProps) {
  const router = useRouter();
  const rootRef = useRef<HTMLDivElement>(null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [draft, setDraft] = useState(note);
  const [lastNote, setLastNote] = useState(note);
  // A new render from the server (after a change) brings a new note: take it unless the editor is typing.
  if (note !== lastNote) {
    setLastNote(note);
    setDraft(note);
  }

  const run = (fn: () => Promise<{ ok: true } | { ok: false; error: string }>, done: string) =>
    startTransition(async () => {
      setError(null);
      setSaved(null);
      const r = await fn();
      if (!r.ok) setError(r.error);
      else {
        setSaved(done);
        router.refresh();
      }
    });

  const noteChanged = draft !== note;

  // The table's keys work here too: j/k next/previous flag, v/u/d status, n note.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable)) return;
      const click = (s: FlagStatus) => rootRef.current?.querySelector<HTMLButtonElement>(`button[data-status="${s}"]:not(:disabled)`)?.click();
      if (e.key === "j" && nextHref) router.push(nextHref);
      else if (e.key === "k" && prevHref) router.push(prevHref);
      else if (e.key === "v") click("verified");
      else if (e.key === "u") click("unsupported");
      else if (e.key === "d") click("dismissed");
      else if (e.key === "n") rootRef.current?.querySelector<HTMLTextAreaElement>("#flag-note")?.focus();
      else return;
      e.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [router, prevHref, nextHref]);

  return (
    <div className="triage" ref={rootRef}>
      {!canTriage && (
        <p className="muted small" data-testid="read-only">
          Your role may read and export flags; triage needs the editor role.
        </p>
      )}
      {canTriage && (
        <>
      <div className="buttons" role="group" aria-label="Status">
        {BUTTONS.map((b) => (
          <button
            key={b.status}
            type="button"
            // "Reopen" is an action, not a state: an open flag (never triaged, or reopened) shows it unpressed.
            aria-pressed={b.status === "open" ? false : status === b.status}
            disabled={pending || status === b.status}
            title={b.status === "open" && status === "open" ? "The flag is open" : undefined}
            data-status={b.status}
            onClick={() =>
              run(
                () => changeStatusAction({ flagIds: [id], versions: [version], status: b.status, note: noteChanged ? draft : undefined }),
                `Marked ${b.status}${noteChanged ? " with the note" : ""}.`,
              )
            }
          >
            {b.label}
          </button>
        ))}
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run(() => changeNoteAction({ flagId: id, version, note: draft }), "Note saved.");
        }}
      >
        <label htmlFor="flag-note">Note (exported with the flag)</label>
        <textarea
          id="flag-note"
          name="note"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            // Ctrl+Enter (Cmd+Enter) saves the note, as in the table's note dialog.
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              if (noteChanged) e.currentTarget.form?.requestSubmit();
            }
          }}
          maxLength={5000}
        />
        <p>
          <button type="submit" disabled={pending || !noteChanged}>
            Save note
          </button>{" "}
          {noteChanged && <span className="small muted">unsaved; a status button saves it too</span>}
        </p>
      </form>
        </>
      )}
      <div aria-live="polite">
        {error && (
          <p className="error" role="alert" data-testid="triage-error">
            {error}
          </p>
        )}
        {saved && !error && (
          <p className="ok small" role="status" data-testid="triage-ok">
            {saved}
          </p>
        )}
      </div>
    </div>
  );
}
