import { describe, expect, it } from "vitest";
import { collectRecurringLines, normalizeLine, segmentArticle } from "@/lib/segment";
import type { Segmentation } from "@/lib/types";

const PROSE = "The government announced a new budget on Tuesday that raises spending on schools and hospitals across the country.";

function kinds(body: string, seg: Segmentation = segmentArticle(body)) {
  return seg.blocks.map((b) => ({ text: body.slice(b.start, b.end), kind: b.kind, bp: b.boilerplate }));
}
function blockOf(body: string, seg: Segmentation, text: string) {
  const b = seg.blocks.find((b) => body.slice(b.start, b.end) === text);
  if (!b) throw new Error(`no block ${JSON.stringify(text)} in ${JSON.stringify(kinds(body, seg))}`);
  return b;
}

describe("blocks", () => {
  it("finds the headline from the title, headings, paragraphs and markdown headings", () => {
    const body = `Budget Day\n\nCity Council Passes New Budget After Long Debate\n\n${PROSE}\n\n## What comes next\n\nAnother paragraph follows here with enough words to count as prose.`;
    const seg = segmentArticle(body, { title: "City council passes new budget after long debate" });
    expect(blockOf(body, seg, "City Council Passes New Budget After Long Debate").kind).toBe("headline");
    expect(blockOf(body, seg, "Budget Day").boilerplate).toBe(true); // a kicker above the headline
    expect(blockOf(body, seg, PROSE).kind).toBe("paragraph");
    expect(blockOf(body, seg, "## What comes next").kind).toBe("heading");
  });

  it("takes a title-case first line as the headline even with a final stop, but not a sentence-case lede", () => {
    const a = `Stealth Over Health: Clinton Was Headed to the ER But Diverted.\n\n${PROSE}`;
    expect(segmentArticle(a).blocks[0].kind).toBe("headline");
    const b = `The council met on Tuesday and passed the budget.\n\n${PROSE}`;
    expect(segmentArticle(b).blocks[0].kind).toBe("paragraph");
  });

  it("recognises a list with its introducing label", () => {
    const body = `${PROSE}\nWhat Changes:\n- Schools get more money.\n* Hospitals hire staff.\n• Roads are repaired.\n1. Taxes stay flat.\n${PROSE}`;
    const seg = segmentArticle(body);
    const items = seg.blocks.filter((b) => b.kind === "list_item");
    expect(items).toHaveLength(4);
    const st = seg.structures[items[0].structure!];
    expect(st.kind).toBe("list");
    expect(st.label).toBe("What Changes");
    expect(st.blocks).toEqual([1, 2, 3, 4, 5]);
  });

  it("recognises a markdown table", () => {
    const body = `${PROSE}\nStakeholders\n| Name | Position |\n|---|---|\n| A | For |\n| B | Against |`;
    const seg = segmentArticle(body);
    const rows = seg.blocks.filter((b) => b.kind === "table_row");
    expect(rows).toHaveLength(4);
    const st = seg.structures[rows[0].structure!];
    expect(st.kind).toBe("table");
    expect(st.label).toBe("Stakeholders");
  });

  it("splits a labelled FAQ into questions and answers", () => {
    const body = `${PROSE}\nFrequently Asked Questions\n- What is the budget? It is the yearly spending plan.\n- Who votes on it? The council does.\n${PROSE}`;
    const seg = segmentArticle(body);
    expect(kinds(body, seg).filter((k) => k.kind.startsWith("faq")).map((k) => [k.kind, k.text])).toEqual([
      ["faq_question", "- What is the budget?"],
      ["faq_answer", "It is the yearly spending plan."],
      ["faq_question", "- Who votes on it?"],
      ["faq_answer", "The council does."],
    ]);
    const st = seg.structures.find((s) => s.kind === "faq")!;
    expect(st.label).toBe("Frequently Asked Questions");
    expect(st.blocks).toHaveLength(5);
  });

  it("splits Q:/A: lines, including an answer that runs into the next question", () => {
    const body = `${PROSE}\nReaders Ask:\n- Q: Is it final?\nA: Not yet, a vote is due. - Q: When?\nA: Next week.`;
    const seg = segmentArticle(body);
    expect(kinds(body, seg).filter((k) => k.kind.startsWith("faq")).map((k) => [k.kind, k.text])).toEqual([
      ["faq_question", "- Q: Is it final?"],
      ["faq_answer", "A: Not yet, a vote is due."],
      ["faq_question", "Q: When?"],
      ["faq_answer", "A: Next week."],
    ]);
    expect(seg.structures.some((s) => s.kind === "faq")).toBe(true);
  });

  it("recognises an unlabelled run of questions with answers, and a labelled one without markers", () => {
    const body = `${PROSE}\nWhat is the levy?\nIt is the tax that funds the budget each year.\nWho sets it?\nThe council sets it in a public vote.\n${PROSE}`;
    const seg = segmentArticle(body);
    const faq = seg.structures.find((s) => s.kind === "faq");
    expect(faq?.label).toBeNull();
    expect(faq?.blocks.map((b) => seg.blocks[b].kind)).toEqual(["faq_question", "faq_answer", "faq_question", "faq_answer"]);
    const body2 = `${PROSE}\nPeople Also Ask\nWhat is the levy?\nIt is the tax that funds the budget.\nWho sets it?\nThe council does.`;
    const seg2 = segmentArticle(body2);
    expect(seg2.structures.find((s) => s.kind === "faq")?.blocks).toHaveLength(5);
  });

  it("reads questions set in bold (Markdown '**...?**') as FAQ questions", () => {
    const body = `${PROSE}\n\n## FAQ\n\n**What is the levy?**\nIt is the tax that funds the budget each year.\n\n**Who sets it?**\nThe council sets it in a public vote.\n\n${PROSE}`;
    const seg = segmentArticle(body);
    const faq = seg.structures.find((s) => s.kind === "faq");
    expect(faq?.blocks.map((b) => seg.blocks[b].kind)).toEqual(["heading", "faq_question", "faq_answer", "faq_question", "faq_answer"]);
  });

  it("reads a Markdown block quote as its lines without the markers: a boxed list under a call-out label is a call-out", () => {
    const body = `${PROSE}\n\n> **At a glance: the new budget**\n>\n> - Schools: 4 percent more\n> - Hospitals: 6 percent more\n> - Vote: Tuesday, 31 to 19\n\n${PROSE}`;
    const seg = segmentArticle(body);
    const box = seg.structures.find((s) => s.kind === "callout");
    expect(box?.blocks.map((b) => seg.blocks[b].kind)).toEqual(["heading", "list_item", "list_item", "list_item"]);
    expect(blockOf(body, seg, "- Schools: 4 percent more").kind).toBe("list_item");
    // The marker line alone is no block at all.
    expect(seg.blocks.some((b) => body.slice(b.start, b.end).startsWith(">"))).toBe(false);
  });

  it("does not make an FAQ of reader questions without answers", () => {
    const body = `${PROSE}\nWhat do you think about the budget? Do you agree with the council?\nWhat comes next for the city?\nNext Steps\n${PROSE}`;
    expect(segmentArticle(body).structures.filter((s) => s.kind === "faq")).toHaveLength(0);
  });

  it("recognises inline and labelled call-outs by shape", () => {
    const body = `${PROSE}\nFun Fact: The council first met in 1850 in a small wooden hall.\n${PROSE}\nCould It Happen Again? Officials think a repeat of the crisis is unlikely this year.\nEditor's Note:\nThis article was expanded with details from the council meeting minutes.`;
    const seg = segmentArticle(body);
    const callouts = seg.structures.filter((s) => s.kind === "callout");
    expect(callouts.map((c) => c.label)).toEqual(["Fun Fact", "Could It Happen Again", "Editor's Note"]);
    expect(blockOf(body, seg, "Fun Fact: The council first met in 1850 in a small wooden hall.").kind).toBe("callout");
  });

  it("does not take a speaker's colon for a call-out", () => {
    const body = `${PROSE}\nJohn Smith: We will vote against the budget next week.`;
    const seg = segmentArticle(body);
    expect(seg.structures.filter((s) => s.kind === "callout")).toHaveLength(0);
  });

  it("recognises key terms under a terms label", () => {
    const body = `${PROSE}\nKey Terms:\n- municipal budget\n- capital spending plan\n- property tax levy`;
    const seg = segmentArticle(body);
    const st = seg.structures.find((s) => s.kind === "key_terms");
    expect(st?.label).toBe("Key Terms");
    expect(st?.blocks).toHaveLength(4);
  });

  it("recognises a table of contents that repeats later headings, even without a label", () => {
    const body = `Budget Explained\n- 1. Where the Money Goes\n- 2. Who Decides\n- 3. What Happens Next\n${PROSE}\nWhere the Money Goes\n${PROSE}\nWho Decides\n${PROSE}\nWhat Happens Next\n${PROSE}`;
    const seg = segmentArticle(body);
    const toc = seg.structures.find((s) => s.kind === "toc");
    expect(toc).toBeDefined();
    expect(toc!.blocks.length).toBeGreaterThanOrEqual(3);
  });

  it("recognises datelines (own line and paragraph lead) and bylines", () => {
    const body = `Council Passes Budget\nBy Jane Doe\nJane Doe | 17.08.2025 - Update : 17.08.2025\nISTANBUL\nWASHINGTON (AP) — ${PROSE}`;
    const seg = segmentArticle(body);
    expect(blockOf(body, seg, "By Jane Doe").kind).toBe("byline");
    expect(blockOf(body, seg, "Jane Doe | 17.08.2025 - Update : 17.08.2025").kind).toBe("byline");
    expect(blockOf(body, seg, "ISTANBUL").kind).toBe("dateline");
    expect(blockOf(body, seg, "WASHINGTON (AP)").kind).toBe("dateline");
    expect(blockOf(body, seg, PROSE).kind).toBe("paragraph");
  });
});

describe("boilerplate", () => {
  it("a call to action after a short question is chrome ('Found this useful? Pass it along to a friend ...')", () => {
    const body = [PROSE, "Found this useful? Pass it along to a friend who drives one.", PROSE, "Why did the council act? Officials said the cracks had grown since March."].join("\n");
    const seg = segmentArticle(body);
    expect(kinds(body, seg).filter((k) => k.bp).map((k) => k.text)).toEqual(["Found this useful? Pass it along to a friend who drives one."]);
  });

  it("a short line ending in a bar of links is chrome; a sentence with one bar is not", () => {
    const body = [PROSE, "Enjoyed this explainer? Share it: Facebook | X | WhatsApp | Email", PROSE, "Turnout was 61 percent | up from 54 percent in the last election, officials said.", PROSE].join("\n");
    const seg = segmentArticle(body);
    expect(kinds(body, seg).filter((k) => k.bp).map((k) => k.text)).toEqual(["Enjoyed this explainer? Share it: Facebook | X | WhatsApp | Email"]);
  });

  it("a list of headlines introduced by a chrome label ('More from ...') is chrome, in the middle of the page too", () => {
    const body = [
      PROSE,
      "More from The Weekly Brief",
      "- Heat outlook: what forecasters expect this summer",
      "- How to read your electricity bill",
      "- Five charts on the price of wheat",
      PROSE,
      "Three reasons the council changed course",
      "- Costs rose by a third in two years",
      "- The contractor missed every deadline",
    ].join("\n");
    const seg = segmentArticle(body);
    const bp = kinds(body, seg).filter((k) => k.bp).map((k) => k.text);
    expect(bp).toEqual([
      "More from The Weekly Brief",
      "- Heat outlook: what forecasters expect this summer",
      "- How to read your electricity bill",
      "- Five charts on the price of wheat",
    ]);
  });

  it("a list of headlines framed by chrome (a share bar above, a sign-up prompt below) is chrome, whatever its label", () => {
    const body = [
      PROSE,
      "Found this guide useful? Share it: Facebook | X | Email",
      "Keep reading",
      "- How to keep a garden alive in a drought",
      "- Ten quick dinners for busy weeknights",
      "Get Wexbrief in your inbox every morning. Subscribe free.",
      "(c) 2026 Wexbrief Media",
    ].join("\n");
    const bp = kinds(body, segmentArticle(body)).filter((k) => k.bp).map((k) => k.text);
    expect(bp).toContain("- How to keep a garden alive in a drought");
    expect(bp).toContain("- Ten quick dinners for busy weeknights");
    // The same list between two paragraphs of the story stays content.
    const inside = [PROSE, "Keep reading", "- How to keep a garden alive in a drought", "- Ten quick dinners for busy weeknights", PROSE].join("\n");
    expect(kinds(inside, segmentArticle(inside)).filter((k) => k.bp)).toEqual([]);
  });

  it("at the foot, a short paragraph between chrome lines in words the article never uses is chrome; the article's own last paragraph is not", () => {
    const disclaimer = "Wexbrief guides summarise public reporting. Parts of this page were drafted with software assistance.";
    const more = "Ministers said the extra money would pay for nurses, teachers and repairs to crumbling school buildings in every region.";
    const body = [PROSE, more, "Get Wexbrief in your inbox every morning. Subscribe free.", disclaimer, "(c) 2026 Wexbrief Media"].join("\n");
    expect(kinds(body, segmentArticle(body)).filter((k) => k.bp).map((k) => k.text)).toContain(disclaimer);
    const last = "The government said the new budget would reach schools and hospitals before the winter.";
    const own = [PROSE, more, "Get Wexbrief in your inbox every morning. Subscribe free.", last, "(c) 2026 Wexbrief Media"].join("\n");
    expect(kinds(own, segmentArticle(own)).filter((k) => k.bp).map((k) => k.text)).not.toContain(last);
    // A paragraph that quotes someone is reporting, whatever its words.
    const quoted = "“Nobody here will forget this winter,” said Mara Lind, who runs the ferry kiosk.";
    const withQuote = [PROSE, more, "Get Wexbrief in your inbox every morning. Subscribe free.", quoted, "(c) 2026 Wexbrief Media"].join("\n");
    expect(kinds(withQuote, segmentArticle(withQuote)).filter((k) => k.bp).map((k) => k.text)).not.toContain(quoted);
  });

  it("a rule line near the end sets off a short footer (the outlet's tagline)", () => {
    const tagline = "*Harbour Ledger covers ports and shipping. Get the Ledger Briefing every weekday morning.*";
    const body = [PROSE, PROSE, "---", tagline].join("\n");
    const bp = kinds(body, segmentArticle(body)).filter((k) => k.bp).map((k) => k.text);
    expect(bp).toEqual(["---", tagline]);
    // A rule between sections of the article, with the story going on after it, sets off nothing.
    const mid = [PROSE, "---", PROSE, PROSE, PROSE].join("\n");
    expect(kinds(mid, segmentArticle(mid)).filter((k) => k.bp)).toEqual([]);
  });

  it("a bar of the article's own section titles is navigation; a bar of keywords is not", () => {
    const nav = "In This Guide: What Changed on Tuesday | Who Voted Against It | What Comes Next for Riders";
    const keys = "Key Terms: Budget | Assembly | Coalition talks | Voter turnout in the capital";
    const body = [PROSE, nav, PROSE, "## What Changed on Tuesday", PROSE, "## Who Voted Against It", PROSE, keys, "## What Comes Next for Riders", PROSE].join("\n");
    const bp = kinds(body, segmentArticle(body)).filter((k) => k.bp).map((k) => k.text);
    expect(bp).toContain(nav);
    expect(bp).not.toContain(keys);
  });

  it("marks counters, link lines, share prompts and notices at the foot by shape", () => {
    const body = [
      "Trending",
      "Council Passes Budget After a Long and Heated Debate",
      PROSE,
      "Read more: How the council works",
      PROSE,
      "This story has been updated and will be updated again",
      "© 2025 Example Media. All rights reserved. Visit our website to subscribe to the newsletter.",
      "Tags",
      "Partagez cet article",
      "3 of 17",
    ].join("\n");
    const seg = segmentArticle(body);
    const bp = kinds(body, seg).filter((k) => k.bp).map((k) => k.text);
    expect(bp).toEqual([
      "Trending",
      "Read more: How the council works",
      "This story has been updated and will be updated again",
      "© 2025 Example Media. All rights reserved. Visit our website to subscribe to the newsletter.",
      "Tags",
      "Partagez cet article",
      "3 of 17",
    ]);
  });

  it("marks live-update notices, URL lines and page counters anywhere", () => {
    const body = `${PROSE}\nThis is a developing story\nhttps://example.com/a/b\nPage 2\n${PROSE}`;
    const seg = segmentArticle(body);
    expect(kinds(body, seg).filter((k) => k.bp).map((k) => k.text)).toEqual(["This is a developing story", "https://example.com/a/b", "Page 2"]);
  });

  it("marks credits, 'story continues' prompts and wire credit lines", () => {
    const body = [
      "Council Passes Budget After a Long and Heated Debate",
      "Updated 3 hours ago",
      PROSE,
      "(AP Photo/Jane Smith)",
      "Story continues below advertisement",
      PROSE,
      "Associated Press writer John Roe contributed to this report.",
      "(Reporting by Ann Lee; Editing by Tom Fox)",
    ].join("\n");
    const seg = segmentArticle(body);
    expect(kinds(body, seg).find((k) => k.text === "Updated 3 hours ago")?.kind).toBe("byline");
    expect(kinds(body, seg).filter((k) => k.bp).map((k) => k.text)).toEqual([
      "(AP Photo/Jane Smith)",
      "Story continues below advertisement",
      "Associated Press writer John Roe contributed to this report.",
      "(Reporting by Ann Lee; Editing by Tom Fox)",
    ]);
  });

  it("keeps a real last paragraph and a final list that is content", () => {
    const body = `${PROSE}\nKey Terms:\n- budget\n- levy\n${PROSE}`;
    const seg = segmentArticle(body);
    expect(seg.blocks.every((b) => !b.boilerplate)).toBe(true);
  });

  it("uses lines recurring across an outlet's articles", () => {
    const a = `Story one headline here today\n${PROSE}\nJoin our WhatsApp channel for news`;
    const b = `Another headline for story two\nSomething else happened in the city today, officials said on Monday.\nJoin our WhatsApp channel for news`;
    const rec = collectRecurringLines([a, b]);
    expect(rec.has(normalizeLine("Join our WhatsApp channel for news"))).toBe(true);
    expect(rec.has(normalizeLine(PROSE))).toBe(false);
    const body = `Join our WhatsApp channel for news\n${PROSE}\n${PROSE} Again.`;
    const seg = segmentArticle(body, { recurringLines: rec });
    expect(seg.blocks[0].boilerplate).toBe(true);
  });

  it("keeps a long paragraph that two articles of the outlet share, and ignores duplicate bodies", () => {
    const shared = "“We will keep working with our partners until the agreement is signed and in force,” the minister told reporters in the capital on Monday.";
    const a = `First headline of the day\n${PROSE}\n${shared}\n${PROSE} More.`;
    const b = `Second headline of the day\nA different opening paragraph about the same talks, which continued on Tuesday.\n${shared}\nAnother closing paragraph with enough words to be content here.`;
    const rec = collectRecurringLines([a, b]);
    expect(rec.has(normalizeLine(shared))).toBe(true);
    const seg = segmentArticle(a, { recurringLines: rec });
    expect(seg.blocks.find((x) => a.slice(x.start, x.end) === shared)?.boilerplate).toBe(false);
    expect(collectRecurringLines([a, a]).size).toBe(0);
  });

  it("a recurring template heading over a list or a paragraph in the article's own words stays that section's heading; a reader-addressed label over headlines is a link box", () => {
    const body = [
      "Ferry Crisis: Everything You Need to Know",
      "Key Takeaways",
      "- The harbour ferry stopped running on Monday after its operator collapsed",
      "- The council will run a replacement boat for eight weeks",
      "- About 900 daily passengers are affected",
      "What Happened",
      "The harbour ferry operator collapsed into administration on Monday, and the ferry stopped running the same evening.",
      "The council said it would run a replacement boat for eight weeks while administrators look for a buyer for the operator.",
      "About 900 passengers use the ferry on a normal day, most of them commuters crossing to the port.",
      "Final Thoughts",
      "The collapse of the ferry operator is a reminder of how fragile the harbour's links have become, and commuters will pay the price.",
      "Share it: Facebook | X | Email",
      "You might also like",
      "- Ten walks along the northern cliffs",
      "- Is a season ticket still worth it?",
      "Sign up for our newsletter.",
    ].join("\n");
    // "Key Takeaways", "What Happened" and "Final Thoughts" recur in another story's generated article.
    const rec = new Set(["Key Takeaways", "What Happened", "Final Thoughts"].map(normalizeLine));
    const seg = segmentArticle(body, { recurringLines: rec });
    const block = (t: string) => seg.blocks.find((b) => body.slice(b.start, b.end).startsWith(t))!;
    expect(seg.structures.map((s) => [s.kind, s.label])).toContainEqual(["callout", "Key Takeaways"]);
    expect(block("- About 900 daily").boilerplate).toBe(false);
    // Section titles over the story's own paragraphs are headings, even a comment's ("Final Thoughts").
    expect(block("What Happened").boilerplate).toBe(false);
    expect(block("The collapse of the ferry").boilerplate).toBe(false);
    expect(block("- Ten walks").boilerplate).toBe(true);
    expect(block("- Is a season ticket").boilerplate).toBe(true);
    // A translated page's "To read also:" is the same kind of label.
    const translated = segmentArticle(`${body.split("\n").slice(5, 8).join("\n")}\nTo read also:\n- Ten walks along the northern cliffs\n- Is a season ticket still worth it?`);
    expect(translated.blocks.filter((b) => b.boilerplate).length).toBe(3);
  });

  it("'More <plural>' over a list of headlines is a link box; a sentence opening with 'More' is not a label", () => {
    const story = [
      "The harbour ferry operator collapsed into administration on Monday, and the ferry stopped running the same evening.",
      "The council said it would run a replacement boat for eight weeks while administrators look for a buyer for the operator.",
    ];
    const body = [...story, "More headlines", "- Ten walks along the northern cliffs", "- Is a season ticket still worth it?", "- The week in five charts"].join("\n");
    const seg = segmentArticle(body);
    expect(seg.blocks.filter((b) => b.boilerplate).map((b) => body.slice(b.start, b.end))).toEqual([
      "More headlines", "- Ten walks along the northern cliffs", "- Is a season ticket still worth it?", "- The week in five charts",
    ]);
    const sentence = [...story, "More commuters are expected."].join("\n");
    expect(segmentArticle(sentence).blocks.filter((b) => b.boilerplate)).toEqual([]);
  });

  it("normalises lines for comparison: case, punctuation, digits", () => {
    expect(normalizeLine("  Page 3 of 12! ")).toBe(normalizeLine("page 4 of 9"));
    expect(normalizeLine("Share THIS, now")).toBe("share this now");
  });

  it("throws a precise error on misuse", () => {
    expect(() => segmentArticle(42 as unknown as string)).toThrow(/segmentArticle: body must be a string/);
    expect(() => collectRecurringLines([1 as unknown as string])).toThrow(/every body must be a string/);
  });
});
