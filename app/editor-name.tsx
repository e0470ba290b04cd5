"use client";
/** The editor's name in the header: a small form until it is set, then the name with a "change" button. */
import { useActionState, useState } from "react";
import { setEditorAction, type ActionResult } from "./actions";

export function EditorName({ editor }: { editor: string | null }) {
  const [editing, setEditing] = useState(false);
  const [state, action, pending] = useActionState<ActionResult<string> | null, FormData>(async (prev, form) => {
    const r = await setEditorAction(prev, form);
    if (r.ok) setEditing(false);
    return r;
  }, null);

  if (editor && !editing) {
    return (
      <div className="editor" data-testid="editor">
        <span>
          Editor: <strong data-testid="editor-name">{editor}</strong>
        </span>{" "}
        <button type="button" className="link" onClick={() => setEditing(true)}>
          change
        </button>
      </div>
    );
  }
  return (
    <form action={action} className="editor editor-form" aria-label="Your name">
      <label htmlFor="editor-name-input">{editor ? "Your name" : "Who is triaging? Your name"}</label>
      <input id="editor-name-input" name="name" defaultValue={editor ?? ""} maxLength={80} required autoComplete="name" />
      <button type="submit" disabled={pending}>
        Save
      </button>
      {editor && (
        <button type="button" className="link" onClick={() => setEditing(false)}>
          cancel
        </button>
      )}
      {state && !state.ok && (
        <span role="alert" className="error-inline">
          {state.error}
        </span>
      )}
    </form>
  );
}
