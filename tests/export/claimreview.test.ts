import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildClaimReviews, flagPageUrl, formatClaimReview, parsePublicBaseUrl, readExportSettings } from "../../lib/export";
import { makeData, NOW } from "./fixture";

const org = z.object({ "@type": z.literal("Organization"), name: z.string().min(1) }).strict();
const creativeWork = z
  .object({ "@type": z.literal("CreativeWork"), url: z.url().optional(), headline: z.string(), author: org.optional(), datePublished: z.string().optional() })
  .strict();
const claimReviewSchema = z
  .object({
    "@context": z.literal("https://schema.org"),
    "@type": z.literal("ClaimReview"),
    url: z.string().optional(),
    claimReviewed: z.string().min(1),
    datePublished: z.iso.date(),
    author: org,
    itemReviewed: z
      .object({
        "@type": z.literal("Claim"),
        author: org,
        firstAppearance: creativeWork.optional(),
        appearance: z.array(creativeWork).optional(),
      })
      .strict(),
    reviewRating: z
      .object({
        "@type": z.literal("Rating"),
        ratingValue: z.number(),
        bestRating: z.number(),
        worstRating: z.number(),
        alternateName: z.enum(["Supported", "Unsupported"]),
      })
      .strict(),
    reviewBody: z.string(),
  })
  .strict();

describe("buildClaimReviews", () => {
  const reviews = z.array(claimReviewSchema).parse(JSON.parse(formatClaimReview(makeData(), { now: NOW })));

  it("covers only verified and unsupported flags, in order", () => {
    expect(reviews.map((r) => r.claimReviewed)).toEqual(['We "will" build it, next year', '=HYPERLINK("http://evil.example","click")']);
  });

  it("has no url without a public base URL (never a relative or localhost one), and one with it", () => {
    for (const r of reviews) expect(r).not.toHaveProperty("url");
    const published = buildClaimReviews(makeData(), { now: NOW, baseUrl: "https://desk.example.org/", publisher: "The Example Desk" });
    expect(published.map((r) => r.url)).toEqual(["https://desk.example.org/flags/11", "https://desk.example.org/flags/12"]);
    expect(published[0].author).toEqual({ "@type": "Organization", name: "The Example Desk" });
  });

  it("maps verified to Supported and unsupported to Unsupported on one rating scale", () => {
    const [supported, unsupported] = reviews;
    expect(supported.reviewRating).toEqual({ "@type": "Rating", ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: "Supported" });
    expect(unsupported.reviewRating.alternateName).toBe("Unsupported");
    expect(unsupported.reviewRating.ratingValue).toBe(1);
  });

  it("reviews the flagged text, authored by the outlet, where it appeared, dated by the clock", () => {
    const [supported, unsupported] = reviews;
    expect(supported.claimReviewed).toBe('We "will" build it, next year');
    expect(supported.itemReviewed.author.name).toBe("Beta Post");
    expect(supported.itemReviewed.appearance).toEqual([{ "@type": "CreativeWork", url: "https://beta.example/bridge", headline: "Bridge vote, again" }]);
    expect(supported.datePublished).toBe("2026-03-04");
    expect(supported.reviewBody).toContain("Editor's note: Checked the council video.");
    expect(unsupported.itemReviewed.appearance?.[0].url).toBe("https://gamma.example/a?x=1&y=2");
  });

  it("leaves out the appearance when the article has no web address", () => {
    const data = makeData();
    data.flags[0].status = "open";
    data.flags[2].status = "verified"; // article 1 is a local file
    const [r] = buildClaimReviews(data, { now: NOW }).filter((x) => x.claimReviewed === data.flags[2].text);
    expect(r.itemReviewed.appearance).toBeUndefined();
  });

  it("names a traced quote's first appearance and every version, earliest first, with no local path", () => {
    const data = makeData();
    data.appearances = {
      11: [
        { outlet: "Alpha News", url: null, headline: "Bridge vote", publishedAt: "2026-03-01T08:00:00.000Z" },
        { outlet: "Beta Post", url: "https://beta.example/bridge", headline: "Bridge vote, again", publishedAt: null },
      ],
    };
    const reviews = z.array(claimReviewSchema).parse(JSON.parse(formatClaimReview(data, { now: NOW })));
    const item = reviews[0].itemReviewed;
    expect(item.firstAppearance).toEqual({ "@type": "CreativeWork", headline: "Bridge vote", author: { "@type": "Organization", name: "Alpha News" }, datePublished: "2026-03-01T08:00:00.000Z" });
    expect(item.appearance?.map((a) => a.url)).toEqual([undefined, "https://beta.example/bridge"]);
    // A flag without a traced quote keeps its article as the appearance and has no first appearance.
    expect(reviews[1].itemReviewed.firstAppearance).toBeUndefined();
    expect(reviews[1].itemReviewed.appearance?.[0].url).toBe("https://gamma.example/a?x=1&y=2");
  });

  it("resolves flag URLs against a base URL, keeping its path", () => {
    expect(flagPageUrl(5)).toBe("/flags/5");
    expect(flagPageUrl(5, "https://desk.example")).toBe("https://desk.example/flags/5");
    expect(flagPageUrl(5, "https://desk.example/parallax/")).toBe("https://desk.example/parallax/flags/5");
  });

  it.each(["http://localhost:3000", "http://desk.localhost", "http://127.0.0.1:3000", "http://[::1]/", "http://0.0.0.0", "http://2130706433/", "http://10.0.0.5/"])(
    "refuses the non-public base URL %s",
    (base) => {
      expect(() => buildClaimReviews(makeData(), { now: NOW, baseUrl: base })).toThrow(/localhost|is a|not one readers can reach/);
    },
  );

  it("refuses a base URL that is not absolute http(s)", () => {
    expect(() => flagPageUrl(1, "desk.example")).toThrow(/not an absolute URL/);
    expect(() => flagPageUrl(1, "javascript:alert(1)")).toThrow(/must use http or https/);
  });

  it("keeps the JSON-LD inert inside a script element", () => {
    const data = makeData();
    data.flags[0].text = "</script><script>alert(1)</script>";
    const out = formatClaimReview(data, { now: NOW });
    expect(out).not.toContain("<");
    expect(JSON.parse(out)[0].claimReviewed).toBe("</script><script>alert(1)</script>");
  });
});

describe("readExportSettings", () => {
  it("reads the public URL and the organisation, empty counting as unset", () => {
    expect(readExportSettings({})).toEqual({});
    expect(readExportSettings({ PARALLAX_PUBLIC_URL: " ", PARALLAX_ORGANISATION: "" })).toEqual({});
    expect(readExportSettings({ PARALLAX_PUBLIC_URL: "https://desk.example.org/p", PARALLAX_ORGANISATION: " Example Desk " })).toEqual({
      baseUrl: "https://desk.example.org/p",
      organisation: "Example Desk",
    });
  });
  it("names the variable and the problem when a value is unusable", () => {
    expect(() => readExportSettings({ PARALLAX_PUBLIC_URL: "desk.example.org" })).toThrow(/^PARALLAX_PUBLIC_URL "desk.example.org" is not an absolute URL/);
    expect(() => readExportSettings({ PARALLAX_PUBLIC_URL: "ftp://desk.example.org" })).toThrow(/must use http or https/);
    expect(() => readExportSettings({ PARALLAX_PUBLIC_URL: "http://LOCALHOST:3000" })).toThrow(/names localhost/);
    expect(() => readExportSettings({ PARALLAX_ORGANISATION: "x".repeat(201) })).toThrow(/PARALLAX_ORGANISATION is longer than 200/);
    expect(() => readExportSettings({ PARALLAX_ORGANISATION: "Desk\u202e" })).toThrow(/control or invisible/);
  });
  it("accepts a public host name or address", () => {
    expect(parsePublicBaseUrl("https://desk.example.org", "X").hostname).toBe("desk.example.org");
    expect(parsePublicBaseUrl("http://93.184.215.14:8080", "X").port).toBe("8080");
  });
});
