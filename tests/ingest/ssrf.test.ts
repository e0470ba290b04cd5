import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { ingestInputs } from "@/db/ingest";
import { articles } from "@/db/schema";
import { addressPolicyFor, anyAddress, fetchUrl, privateAddressesAllowed, privateAddressSetting, publicAddressesOnly, publicOrLoopback, type AddressPolicy } from "@/db/sources";
import { classifyAddress } from "@/lib/ingest/address";
import { ARTICLE_PARAGRAPHS, chromePage, rssFeed } from "./fixtures";

const HINT = "(set PARALLAX_ALLOW_PRIVATE_ADDRESSES=1 to allow private addresses)";

let server: http.Server;
let base: string;
let port: number;
const seen: string[] = [];
let hanging = 0;

const longContent = ARTICLE_PARAGRAPHS.map((p) => `<p>${p} (inline copy)</p>`).join("");

function route(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? "/", base);
  seen.push(url.pathname);
  const redirect = (location: string) => {
    res.writeHead(302, { location });
    res.end();
  };
  switch (url.pathname) {
    case "/to-private":
      return redirect("http://10.0.0.1/admin");
    case "/to-metadata":
      return redirect("http://169.254.169.254/latest/meta-data/");
    case "/to-v6-loopback":
      return redirect(`http://[::1]:${port}/story/v6`);
    case "/to-other-loopback":
      return redirect(`http://127.0.0.2:${port}/story/other`);
    case "/to-decimal":
      return redirect(`http://2130706434:${port}/story/decimal`); // 127.0.0.2
    case "/to-localhost":
      return redirect(`http://localhost:${port}/story/by-name`);
    case "/to-javascript":
      return redirect("javascript:alert(1)");
    case "/hostile.xml":
      res.writeHead(200, { "content-type": "application/rss+xml" });
      return void res.end(
        rssFeed([
          { link: `${base}/story/fine`, title: "Fine" },
          { link: `http://127.0.0.2:${port}/story/a`, title: "Other loopback, with inline copy", content: longContent },
          { link: `http://0x7f.0.0.2:${port}/story/b`, title: "Hex loopback" },
          { link: `http://[::1]:${port}/story/c`, title: "IPv6 loopback" },
          { link: `http://[::ffff:127.0.0.2]:${port}/story/d`, title: "Mapped loopback" },
          { link: "http://10.0.0.1/story/e", title: "Private network" },
          { link: `${base}/to-metadata`, title: "Redirect to metadata" },
          { link: "javascript:alert(document.cookie)", title: "Script link with inline copy", content: longContent.replace(/inline copy/g, "script item") },
          { link: "data:text/html,&lt;h1&gt;x&lt;/h1&gt;", title: "Data link" },
          { link: "file:///etc/passwd", title: "File link" },
        ]),
      );
    case "/hanging.xml":
      res.writeHead(200, { "content-type": "application/rss+xml" });
      return void res.end(rssFeed(Array.from({ length: 16 }, (_, i) => ({ link: `${base}/hang/${i}`, title: `Hanging ${i}` }))));
    default:
      if (url.pathname.startsWith("/story/")) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        return void res.end(chromePage({ title: `Story ${url.pathname.slice(7)} about the harbour` }));
      }
      if (url.pathname.startsWith("/hang/")) {
        hanging++;
        return; // never answers
      }
      res.writeHead(404);
      res.end();
  }
}

beforeAll(async () => {
  server = http.createServer(route);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

let dir: string;
let db: Db;
beforeEach(async () => {
  seen.length = 0;
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "parallax-ssrf-"));
  db = openDb(path.join(dir, "p.db"));
});
afterEach(async () => {
  db.$client.close();
  await fs.promises.rm(dir, { recursive: true, force: true });
});

/** The seam: the test server's own address is allowed, every other non-public address refused. */
const onlyTestServer: AddressPolicy = (a) => a.address === "127.0.0.1" || a.kind === "public";
const fetchOpts = { timeoutMs: 2000, maxBytes: 1024 * 1024, addressPolicy: onlyTestServer };

describe("the private-address setting", () => {
  it("is off by default and read from PARALLAX_ALLOW_PRIVATE_ADDRESSES", () => {
    expect(privateAddressesAllowed({})).toBe(false);
    expect(privateAddressesAllowed({ PARALLAX_ALLOW_PRIVATE_ADDRESSES: "0" })).toBe(false);
    expect(privateAddressesAllowed({ PARALLAX_ALLOW_PRIVATE_ADDRESSES: "1" })).toBe(true);
    expect(privateAddressesAllowed({ PARALLAX_ALLOW_PRIVATE_ADDRESSES: "true" })).toBe(true);
    expect(() => privateAddressesAllowed({ PARALLAX_ALLOW_PRIVATE_ADDRESSES: "maybe" })).toThrow('PARALLAX_ALLOW_PRIVATE_ADDRESSES must be 1 (allow private addresses), loopback (this machine only) or 0, got "maybe"');
    expect(privateAddressSetting({ PARALLAX_ALLOW_PRIVATE_ADDRESSES: " Loopback " })).toBe("loopback");
    expect(privateAddressesAllowed({ PARALLAX_ALLOW_PRIVATE_ADDRESSES: "loopback" })).toBe(false);
    // Unset choice: the environment decides; loopback lets this machine in and keeps the private network out.
    const loop = addressPolicyFor(undefined, { PARALLAX_ALLOW_PRIVATE_ADDRESSES: "loopback" });
    expect(loop).toBe(publicOrLoopback);
    expect(["127.0.0.1", "::1", "93.184.216.34"].map((a) => loop(classifyAddress(a)!))).toEqual([true, true, true]);
    expect(["10.0.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "fd00::1"].map((a) => loop(classifyAddress(a)!))).toEqual([false, false, false, false, false]);
    expect(addressPolicyFor(undefined, {})).toBe(publicAddressesOnly);
    expect(addressPolicyFor(undefined, { PARALLAX_ALLOW_PRIVATE_ADDRESSES: "1" })).toBe(anyAddress);
    expect(addressPolicyFor(false, { PARALLAX_ALLOW_PRIVATE_ADDRESSES: "1" })).toBe(publicAddressesOnly);
    expect(addressPolicyFor(true)).toBe(anyAddress);
    expect(addressPolicyFor(false)).toBe(publicAddressesOnly);
  });
});

describe("fetchUrl refuses non-public addresses on every hop", () => {
  it("refuses the first request to a loopback address, with one clear line, without connecting", async () => {
    const got = await fetchUrl(`${base}/story/x`, { timeoutMs: 2000, maxBytes: 1024, addressPolicy: publicAddressesOnly });
    expect(got).toEqual({ ok: false, refused: true, problem: `refused: 127.0.0.1 is a loopback address ${HINT}` });
    expect(seen).toEqual([]);
  });

  it("refuses numeric spellings of loopback as the address they reach", async () => {
    for (const u of [`http://2130706433:${port}/story/x`, `http://0x7f.0.0.1:${port}/story/x`, `http://0177.0.0.1:${port}/story/x`, `http://127.1:${port}/story/x`]) {
      const got = await fetchUrl(u, { timeoutMs: 2000, maxBytes: 1024, addressPolicy: publicAddressesOnly });
      expect(got, u).toMatchObject({ ok: false, problem: `refused: 127.0.0.1 is a loopback address ${HINT}` });
    }
    for (const [u, shown] of [
      [`http://[::1]:${port}/`, "::1 is a loopback address"],
      [`http://[::]:${port}/`, ":: is an unspecified address"],
      [`http://[::ffff:127.0.0.1]:${port}/`, "::ffff:7f00:1 is a loopback address"],
      [`http://[fe80::1]:${port}/`, "fe80::1 is a link-local address"],
      [`http://[fd00::1]:${port}/`, "fd00::1 is a private network address"],
      [`http://0.0.0.0:${port}/`, "0.0.0.0 is an unspecified address"],
      ["http://100.64.1.1/", "100.64.1.1 is a shared (carrier-grade NAT) address"],
    ]) {
      expect(await fetchUrl(u, { timeoutMs: 2000, maxBytes: 1024, addressPolicy: publicAddressesOnly }), u).toMatchObject({ ok: false, problem: `refused: ${shown} ${HINT}` });
    }
    expect(seen).toEqual([]);
  });

  it("checks a host name's resolved addresses at connection time", async () => {
    const got = await fetchUrl(`http://localhost:${port}/story/x`, { timeoutMs: 2000, maxBytes: 1024, addressPolicy: publicAddressesOnly });
    expect(got).toMatchObject({ ok: false, refused: true, problem: expect.stringMatching(new RegExp(`^refused: localhost resolves to (127\\.0\\.0\\.1|::1), a loopback address \\(set PARALLAX_ALLOW_PRIVATE_ADDRESSES=1`)) });
    expect(seen).toEqual([]);
    // The policy is asked about the address the socket connects to.
    const asked: string[] = [];
    const recording: AddressPolicy = (a) => (asked.push(a.address), true);
    expect(await fetchUrl(`http://localhost:${port}/story/x`, { timeoutMs: 2000, maxBytes: 1024 * 1024, addressPolicy: recording })).toMatchObject({ ok: true });
    expect(asked).toContain("127.0.0.1");
  });

  it("refuses each redirect to a private, link-local, loopback or non-http address", async () => {
    const cases: [string, string][] = [
      ["/to-private", `redirected to http://10.0.0.1/admin, refused: 10.0.0.1 is a private network address ${HINT}`],
      ["/to-metadata", `redirected to http://169.254.169.254/latest/meta-data/, refused: 169.254.169.254 is a link-local address ${HINT}`],
      ["/to-v6-loopback", `redirected to http://[::1]:${port}/story/v6, refused: ::1 is a loopback address ${HINT}`],
      ["/to-other-loopback", `redirected to http://127.0.0.2:${port}/story/other, refused: 127.0.0.2 is a loopback address ${HINT}`],
      ["/to-decimal", `redirected to http://127.0.0.2:${port}/story/decimal, refused: 127.0.0.2 is a loopback address ${HINT}`],
      ["/to-javascript", "redirected to a non-http address javascript:alert(1)"],
    ];
    for (const [p, problem] of cases) expect(await fetchUrl(`${base}${p}`, fetchOpts), p).toEqual({ ok: false, problem, ...(p === "/to-javascript" ? {} : { refused: true }) });
    // The first hop was allowed and made; the refused targets were never requested.
    expect(seen).toEqual(cases.map(([p]) => p));
  });

  it("refuses a redirect to a host name that resolves to a refused address", async () => {
    // Allows the first address it is asked about (the test server, for the first hop) and then only public ones.
    let first = true;
    const policy: AddressPolicy = (a) => (first ? ((first = false), true) : a.kind === "public");
    const got = await fetchUrl(`${base}/to-localhost`, { ...fetchOpts, addressPolicy: policy });
    expect(got).toMatchObject({ ok: false, refused: true, problem: expect.stringMatching(/^redirected to http:\/\/localhost:\d+\/story\/by-name, refused: localhost resolves to /) });
    expect(seen).toEqual(["/to-localhost"]);
  });
});

describe("ingest with the address guard", () => {
  it("refuses a feed's item links to refused addresses, directly or by redirect, and never stores a non-http link", async () => {
    const feed = `${base}/hostile.xml`;
    const run = await ingestInputs(db, [feed], { addressPolicy: onlyTestServer });
    const errors = run.results.filter((r) => r.status === "failed").map((r) => r.error);
    expect(errors).toEqual([
      `http://127.0.0.2:${port}/story/a: refused: 127.0.0.2 is a loopback address ${HINT}`,
      `http://127.0.0.2:${port}/story/b: refused: 127.0.0.2 is a loopback address ${HINT}`,
      `http://[::1]:${port}/story/c: refused: ::1 is a loopback address ${HINT}`,
      `http://[::ffff:7f00:2]:${port}/story/d: refused: ::ffff:7f00:2 is a loopback address ${HINT}`,
      `http://10.0.0.1/story/e: refused: 10.0.0.1 is a private network address ${HINT}`,
      `${base}/to-metadata: redirected to http://169.254.169.254/latest/meta-data/, refused: 169.254.169.254 is a link-local address ${HINT}`,
      `${feed}#9: item link is a data: address (only http and https are fetched), and the feed item has too little text of its own`,
      `${feed}#10: item link is a file: address (only http and https are fetched), and the feed item has too little text of its own`,
    ]);
    const rows = db.select({ source: articles.source, url: articles.canonicalUrl, title: articles.title }).from(articles).orderBy(articles.id).all();
    // The good item, and the script-link item from its inline copy with no link at all.
    expect(rows).toEqual([
      { source: `${base}/story/fine`, url: "https://www.coastalherald.example/news/ferry-terminal", title: "Story fine about the harbour" },
      { source: `${feed}#8`, url: null, title: "Script link with inline copy" },
    ]);
    expect(seen.sort()).toEqual(["/hostile.xml", "/story/fine", "/to-metadata"]);
  });

  it("without the setting, refuses the test server itself and stores nothing; with it, ingests", async () => {
    const refused = await ingestInputs(db, [`${base}/story/x`], { allowPrivateAddresses: false });
    expect(refused.results.map((r) => r.error)).toEqual([`${base}/story/x: refused: 127.0.0.1 is a loopback address ${HINT}`]);
    expect(db.select().from(articles).all()).toEqual([]);
    const allowed = await ingestInputs(db, [`${base}/story/x`], { allowPrivateAddresses: true });
    expect(allowed).toMatchObject({ added: 1, failed: 0 });
  });

  it("caps a feed's total time: 16 hanging item pages finish within one deadline", async () => {
    hanging = 0;
    const started = performance.now();
    const run = await ingestInputs(db, [`${base}/hanging.xml`], { allowPrivateAddresses: true, timeoutMs: 1000 });
    const elapsed = performance.now() - started;
    expect(run.failed).toBe(16);
    expect(new Set(run.results.map((r) => r.error?.replace(/^.*\/hang\/\d+: /, "")))).toEqual(
      new Set(["not fetched within the feed's time limit of 1000 ms (--feed-timeout), and the feed item has too little text of its own"]),
    );
    // Four at a time (the default concurrency) would take 4 × 1000 ms without the shared deadline.
    expect(elapsed).toBeLessThan(1000 + 600);
    expect(hanging).toBe(4);
    console.log(`hanging feed of 16 items, --timeout 1000: ${Math.round(elapsed)} ms`);
  });

  it("a separate feed time limit can be longer than the per-request one", async () => {
    const run = await ingestInputs(db, [`${base}/hanging.xml`], { allowPrivateAddresses: true, timeoutMs: 300, feedTimeoutMs: 500, concurrency: 8 });
    const reasons = run.results.map((r) => r.error?.replace(/^.*\/hang\/\d+: /, "").replace(/, and the feed.*$/, ""));
    // The first eight time out on their own after 300 ms; the next eight start then and meet the 500 ms deadline first.
    expect(reasons.filter((r) => r === "timed out after 300 ms").length).toBe(8);
    expect(reasons.filter((r) => r === "not fetched within the feed's time limit of 500 ms (--feed-timeout)").length).toBe(8);
  });
});
