"use client";
/** Shown when a page fails on the server (e.g. the database cannot be opened). */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Something went wrong</h1>
      <p className="error" role="alert">
        The page could not be loaded{error.digest ? ` (reference ${error.digest})` : ""}. Check that the database at PARALLAX_DB (default data/parallax.db) is
        readable, then try again.
      </p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </>
  );
}
