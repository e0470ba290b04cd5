/** Outlet names from metadata, pure: which source of a name wins, and what a typed name may be. */
import { describe, expect, it } from "vitest";
import { parseHtmlArticle, parseJsonFile, splitFrontMatter } from "@/lib/ingest";
import { buildArticle } from "@/lib/ingest/meta";
import { checkOutletName } from "@/lib/ingest/outlet-name";

const BODY = "<article><h1>Harbour council approves budget after long debate</h1><p>The council voted on Monday to approve the harbour budget, officials said, after six hours.</p></article>";
const page = (head: string) => `<html><head>${head}</head><body>${BODY}</body></html>`;
const outletOf = (html: string, url: string | null = null) => {
  const r = parseHtmlArticle(html, "page.html", url);
  if (!r.ok) throw new Error(r.problem);
  return [r.article.outlet, r.article.outletOrigin];
};

describe("outlet names from page metadata", () => {
  it("prefers og:site_name, then the JSON-LD publisher, then application-name, then the host, then the file name", () => {
    const og = '<meta property="og:site_name" content="Harbour Herald">';
    const ld = '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Ledger Daily"}}]}</script>';
    const app = '<meta name="application-name" content="Bay Bulletin">';
    expect(outletOf(page(app + ld + og))).toEqual(["Harbour Herald", "metadata"]);
    expect(outletOf(page(app + ld))).toEqual(["Ledger Daily", "metadata"]);
    expect(outletOf(page(app))).toEqual(["Bay Bulletin", "metadata"]);
    expect(outletOf(page(""), "https://www.portnews.example/a/1")).toEqual(["portnews.example", "host"]);
    expect(outletOf(page(""))).toEqual(["page", "file"]);
  });

  it("drops the site name from the title when the page appends it", () => {
    const r = parseHtmlArticle(page('<meta name="application-name" content="Bay Bulletin"><title>Harbour council approves budget after long debate | Bay Bulletin</title>'), "p.html");
    expect(r.ok && r.article.title).toBe("Harbour council approves budget after long debate");
  });
});

describe("outlet names from front matter and JSON fields", () => {
  it("reads outlet, publisher, site_name and site from front matter; outlet wins", () => {
    expect(splitFrontMatter("---\npublisher: Coast Courier\n---\nText").meta.outlet).toBe("Coast Courier");
    expect(splitFrontMatter("---\nsite_name: Coast Courier\n---\nText").meta.outlet).toBe("Coast Courier");
    expect(splitFrontMatter("---\noutlet: The Courier\npublisher: Courier Media Group\n---\nText").meta.outlet).toBe("The Courier");
    expect(splitFrontMatter("---\npublisher: Courier Media Group\noutlet: The Courier\n---\nText").meta.outlet).toBe("The Courier");
  });

  it("reads outlet, source, publisher and site_name from JSON, objects by their name", () => {
    const rec = (o: object) => parseJsonFile(JSON.stringify({ title: "T", body: "Harbour council approves budget. The council voted.", ...o }), "r.json").articles[0];
    expect(rec({ publisher: { name: "Tide Times" } })).toMatchObject({ outlet: "Tide Times", outletOrigin: "metadata" });
    expect(rec({ source: { id: "tt", name: "Tide Times" } })).toMatchObject({ outlet: "Tide Times", outletOrigin: "metadata" });
    expect(rec({ site_name: "Tide Times", url: "https://tide.example/a" })).toMatchObject({ outlet: "Tide Times", host: "tide.example" });
    expect(rec({ url: "https://tide.example/a" })).toMatchObject({ outlet: "tide.example", outletOrigin: "host" });
    expect(rec({})).toMatchObject({ outlet: "r", outletOrigin: "file" });
  });

  it("builds the origin with the name", () => {
    expect(buildArticle("a/000_x.txt", "T", "B", {}).outletOrigin).toBe("file");
    expect(buildArticle("a/000_x.txt", "T", "B", { outlet: "  " }).outletOrigin).toBe("file");
    expect(buildArticle("a/000_x.txt", "T", "B", { outlet: " Wire " })).toMatchObject({ outlet: "Wire", outletOrigin: "metadata" });
  });
});

describe("checkOutletName", () => {
  it("collapses white space and refuses empty, long and invisible-character names", () => {
    expect(checkOutletName("  The \n Harbour   Herald ")).toEqual({ ok: true, name: "The Harbour Herald" });
    expect(checkOutletName(" \t ")).toEqual({ ok: false, problem: "an outlet name cannot be empty" });
    expect(checkOutletName("x".repeat(121))).toMatchObject({ ok: false, problem: expect.stringContaining("at most 120") });
    expect(checkOutletName("Herald\u202egnp.exe")).toMatchObject({ ok: false });
    expect(checkOutletName("Herald\u0007")).toMatchObject({ ok: false });
  });
});
