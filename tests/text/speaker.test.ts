import { describe, expect, it } from "vitest";
import { speakerKeyOf, surnameKey } from "@/lib/text";

describe("speakerKeyOf", () => {
  it("keys a name on its surname, without titles, possessives, suffixes or accents", () => {
    expect(speakerKeyOf("Mr. Dana Whitfield")).toBe("whitfield");
    expect(speakerKeyOf("Dana Whitfield’s")).toBe("whitfield");
    expect(speakerKeyOf("Sen. Rafael Ortíz Jr.")).toBe("ortiz");
    expect(speakerKeyOf("Irena Novák")).toBe(speakerKeyOf("Ms. Novak"));
    expect(speakerKeyOf("Petro Shevchenkyy")).toBe(speakerKeyOf("Shevchenky"));
  });

  it("drops appositions and post-modifiers after the head", () => {
    expect(speakerKeyOf("Gov. Lena Marsh of Vermont")).toBe("marsh");
    expect(speakerKeyOf("Tom Ferris, a spokesman for the council")).toBe("ferris");
    expect(speakerKeyOf("Rep. Ana Lutz (D-Ore.)")).toBe("lutz");
    expect(speakerKeyOf("Secretary of State Mara Quill")).toBe("quill");
  });

  it("keys a descriptive speaker on the head noun", () => {
    expect(speakerKeyOf("the spokesman")).toBe("spokesman");
    // a role that is also a title word keys on the role, never on the article before it
    expect(speakerKeyOf("the judge")).toBe("judge");
    expect(speakerKeyOf("the minister")).toBe("minister");
    expect(speakerKeyOf("The judge")).not.toBe(speakerKeyOf("the minister"));
    expect(speakerKeyOf("a senior official in the ministry")).toBe("official");
    expect(speakerKeyOf("a spokeswoman for the mayor")).toBe("spokeswoman");
    expect(speakerKeyOf("people familiar with the talks")).toBe("people");
    expect(speakerKeyOf("A source close to the team")).toBe("source");
    expect(speakerKeyOf("")).toBe("");
  });

  it("surnameKey is the same function, kept as an alias", () => {
    expect(surnameKey).toBe(speakerKeyOf);
  });
});
