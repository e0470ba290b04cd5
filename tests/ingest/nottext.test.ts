/**
 * Text that is not text: binary and random bytes are refused, control
 * characters in fields are removed with a note, UTF-16/32 are decoded, and real
 * text in any language and encoding is still accepted.
 */
import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes, parseFileBytes, parseJsonFile, parseJsonLines, parseText } from "@/lib/ingest";

/** mulberry32: a small seeded generator, so the "random" files are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SAMPLES: Record<string, string> = {
  greek: "Ο πρωθυπουργός δήλωσε την Τρίτη ότι η κυβέρνηση θα παρουσιάσει νέο προϋπολογισμό τον επόμενο μήνα, μετά από συνομιλίες με τα κόμματα της αντιπολίτευσης.",
  russian: "Президент заявил во вторник, что переговоры о новом соглашении продолжатся в Женеве на следующей неделе, несмотря на разногласия сторон.",
  traditional: "市政府週二表示，新的渡輪碼頭將於明年春季開放。此前，由於碼頭下方出現意外的地質情況，工程推遲了兩年。",
  chinese: "市政府周二表示，新的渡轮码头将于明年春季开放。此前，由于码头下方出现意外的地质情况，工程推迟了两年。",
  arabic: "قال رئيس الوزراء يوم الثلاثاء إن الحكومة ستقدم ميزانية جديدة الشهر المقبل بعد محادثات مع أحزاب المعارضة في البرلمان.",
  hindi: "प्रधानमंत्री ने मंगलवार को कहा कि सरकार अगले महीने संसद में विपक्षी दलों के साथ बातचीत के बाद नया बजट पेश करेगी।",
  french: "Le président a déclaré mardi que la sécurité de l'Europe était « essentielle » et que les négociations reprendraient à Genève après l'été.",
  german: "Die Bürgermeisterin sagte am Dienstag, dass die Brücke über die Spree nach den Reparaturen im März wieder für den Verkehr geöffnet werde.",
};

/** Each sample in the legacy encodings it is commonly found in, besides UTF-8 and UTF-16/32. */
const LEGACY: [keyof typeof SAMPLES, string][] = [
  ["greek", "windows-1253"],
  ["russian", "windows-1251"],
  ["russian", "koi8-r"],
  ["chinese", "gb18030"],
  ["traditional", "big5"],
  ["arabic", "windows-1256"],
  ["french", "windows-1252"],
  ["german", "windows-1252"],
];

const article = (s: string) => `${s}\n\n${s}\n\n${s}\n`;

describe("binary and random bytes are refused", () => {
  it("a NUL anywhere marks a file binary, with its offset", () => {
    const text = Buffer.from("A perfectly ordinary headline\n\n" + "Ordinary text. ".repeat(2000));
    const bytes = Buffer.concat([text, Buffer.from([0]), Buffer.from(" and more text")]);
    expect(parseFileBytes(bytes, "x.txt").problems.map((p) => p.message)).toEqual([`x.txt: binary file (NUL byte at offset ${text.length}), not text`]);
  });

  it("500 seeded pseudo-random files of 8 bytes to 256 KB: none is accepted, whatever its extension", () => {
    const rnd = seeded(20_240_305);
    const extensions = [".txt", ".md", ".html", ".json", ".jsonl"];
    const refusals: Record<string, number> = {};
    let accepted = 0;
    for (let i = 0; i < 500; i++) {
      const size = Math.round(Math.exp(Math.log(8) + rnd() * (Math.log(256 * 1024) - Math.log(8))));
      const bytes = new Uint8Array(size);
      for (let j = 0; j < size; j++) bytes[j] = Math.floor(rnd() * 256);
      // Half of them without NUL bytes, which would otherwise make the test easy.
      if (i % 2) for (let j = 0; j < size; j++) if (bytes[j] === 0) bytes[j] = 1 + Math.floor(rnd() * 255);
      const out = parseFileBytes(bytes, `r${i}${extensions[i % extensions.length]}`);
      accepted += out.articles.length;
      for (const p of out.problems) {
        const reason = p.message.replace(/^r\d+\.\w+: /, "").replace(/\d+/g, "N").replace(/ \(read as .*\)$/, "").slice(0, 60);
        refusals[reason] = (refusals[reason] ?? 0) + 1;
      }
    }
    expect(accepted).toBe(0);
    // Every one got a reason; the biggest groups are binary and not-text.
    expect(Object.values(refusals).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(500);
    expect(Object.keys(refusals).some((r) => r.startsWith("binary file (NUL byte at offset"))).toBe(true);
    expect(Object.keys(refusals).some((r) => r.startsWith("not text:"))).toBe(true);
  }, 60_000);
});

describe("real text in any language and encoding is accepted", () => {
  it("UTF-8, UTF-16 and UTF-32 with and without a BOM, for every sample (BOM-less UTF-16 Chinese is refused with a hint)", () => {
    const boms: Record<string, number[]> = { "utf-16le": [0xff, 0xfe], "utf-16be": [0xfe, 0xff], "utf-32le": [0xff, 0xfe, 0, 0], "utf-32be": [0, 0, 0xfe, 0xff] };
    for (const [lang, s] of Object.entries(SAMPLES)) {
      const text = article(s);
      for (const e of ["utf-8", "utf-16le", "utf-16be", "utf-32le", "utf-32be"]) {
        const body = iconv.encode(text, e);
        for (const bytes of [body, Buffer.concat([Buffer.from(boms[e] ?? [0xef, 0xbb, 0xbf]), body])]) {
          const r = decodeBytes(bytes);
          // Han text has too few zero bytes to be told from binary data without a BOM: refused, saying so.
          if (bytes === body && /^utf-16/.test(e) && (lang === "chinese" || lang === "traditional"))
            expect(r).toMatchObject({ ok: false, problem: expect.stringMatching(/^binary file \(NUL byte at offset \d+\), not text/) });
          else expect(r.ok ? r.text : `${lang} ${e}: ${r.problem}`).toBe(text);
        }
      }
    }
  });

  it("BOM-less UTF-16 with too few zero bytes to tell is refused with a hint to add a BOM", () => {
    const han = ("市政府周二表示新的渡轮".repeat(4) + "\n").repeat(4);
    const r = decodeBytes(iconv.encode(han, "utf-16le"));
    expect(r).toEqual({ ok: false, problem: "binary file (NUL byte at offset 89), not text (if it is UTF-16 text, save it with a byte order mark)" });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(han, "utf-16le")]))).toMatchObject({ ok: true, text: han });
  });

  it("legacy single- and double-byte encodings: Greek, Russian, Chinese, Arabic, accented Latin", () => {
    for (const [lang, e] of LEGACY) {
      const text = article(SAMPLES[lang]);
      const out = parseFileBytes(iconv.encode(text, e), `${lang}.txt`);
      expect(out.problems.map((p) => `${lang} ${e}: ${p.message}`)).toEqual([]);
      expect(out.articles[0].body).toBe(text);
    }
  });

  it("every seed and data set body in ../shared (skipped when absent)", (ctx) => {
    const shared = path.resolve(__dirname, "../../../shared");
    if (!fs.existsSync(shared)) {
      ctx.skip("../shared is absent: real texts not checked");
      return;
    }
    const bodies: [string, string][] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (/\.(txt|md)$/.test(e.name) && !/readme/i.test(e.name)) bodies.push([full, fs.readFileSync(full, "utf8")]);
        else if (e.name.endsWith(".jsonl"))
          for (const line of fs.readFileSync(full, "utf8").split("\n"))
            if (line.trim()) {
              const rec = JSON.parse(line) as { body?: string };
              if (typeof rec.body === "string") bodies.push([`${full}#${rec.body.slice(0, 20)}`, rec.body]);
            }
      }
    };
    walk(path.join(shared, "seeds"));
    if (fs.existsSync(path.join(shared, "datasets"))) walk(path.join(shared, "datasets"));
    expect(bodies.length).toBeGreaterThan(5);
    const refused = bodies.filter(([, b]) => b.trim() !== "").flatMap(([name, b]) => {
      const r = decodeBytes(Buffer.from(b, "utf8"));
      return r.ok ? [] : [`${name}: ${r.problem}`];
    });
    expect(refused).toEqual([]);
    // Latin-script ones also survive a round trip through windows-1252, where the charset is guessed.
    const latin = bodies.filter(([, b]) => b.length > 200 && iconv.decode(iconv.encode(b, "windows-1252"), "windows-1252") === b && /[^\x00-\x7f]/.test(b));
    const refusedLegacy = latin.flatMap(([name, b]) => {
      const r = decodeBytes(iconv.encode(b, "windows-1252"));
      return r.ok ? [] : [`${name}: ${r.problem}`];
    });
    expect(refusedLegacy).toEqual([]);
  }, 60_000);
});

describe("control characters in fields", () => {
  it("JSON string fields: C0 controls removed, C1 read as windows-1252 punctuation, each with a note; the record is kept", () => {
    const out = parseJsonFile(
      JSON.stringify([{ title: "Rates\u0000 held", body: "He said\u0000 it\u001b[31m was \u0093fine\u0094 and don\u0092t worry.\u000cNext." }, { body: "Clean body." }]),
      "c.json",
    );
    expect(out.problems).toEqual([]);
    expect(out.articles.map((a) => [a.title, a.body])).toEqual([
      ["Rates held", "He said it[31m was “fine” and don’t worry.\nNext."],
      ["Clean body.", "Clean body."],
    ]);
    expect(out.notes?.map((n) => n.message)).toEqual([
      "c.json[1]: removed 2 control characters and read 4 control characters as punctuation or line breaks in the body (first U+0000); the record is kept",
      "c.json[1]: removed 1 control character in the title (first U+0000); the record is kept",
    ]);
    const lines = parseJsonLines(JSON.stringify({ body: "x\u0007y", byline: "A\u0000B" }), "c.jsonl");
    expect(lines.articles[0]).toMatchObject({ body: "xy", byline: "AB" });
    expect(lines.notes).toHaveLength(2);
  });

  it("a text file with a stray control character keeps its text, with a note", () => {
    const out = parseFileBytes(Buffer.from("A headline for the story\n\nText with a bell\u0007 in it.\n"), "bell.txt");
    expect(out.articles[0].body).toBe("A headline for the story\n\nText with a bell in it.\n");
    expect(out.notes?.[0].message).toBe("bell.txt: removed 1 control character in the text (first U+0007); the article is kept");
  });
});

describe("plain text saved as .html, and internal errors", () => {
  it("a .html file holding plain text is read as text", () => {
    const out = parseFileBytes(Buffer.from("Council approves new budget\n\nThe council approved the budget on Tuesday."), "plain.html");
    expect(out.problems).toEqual([]);
    expect(out.articles[0]).toMatchObject({ title: "Council approves new budget", body: "Council approves new budget\n\nThe council approved the budget on Tuesday." });
    // Text that merely mentions a < sign is still text.
    expect(parseText("Rates rose 3 < 4 points\n\nMore.", "lt.html", "html").articles).toHaveLength(1);
  });

  it("a parser failure becomes one plain line naming the input, without the exception text", () => {
    // A JSON record whose getter throws stands in for any library failing inside a parser.
    const hostile = new Proxy([], {
      get() {
        throw new Error("Maximum call stack size exceeded at Readability._grabArticle");
      },
    });
    const original = JSON.parse;
    JSON.parse = () => hostile;
    try {
      const out = parseText("[1]", "boom.json", "json");
      expect(out.problems).toEqual([{ source: "boom.json", message: "boom.json: could not be read as JSON (the parser failed on it; the rest of the run goes on)" }]);
    } finally {
      JSON.parse = original;
    }
  });
});
