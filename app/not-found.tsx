import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>
        Nothing here: the flag or story may have been removed by re-analysis. Go to the <Link href="/flags">flags</Link> or the{" "}
        <Link href="/stories">stories</Link>.
      </p>
    </>
  );
}
