import { describe, expect, it } from "vitest";
import { Verdicts } from "./spelling";

describe("Verdicts", () => {
  it("a word added as typed stops being misspelled in every language, other capitalisations stay", () => {
    const verdicts = new Verdicts();
    verdicts.of("en-US").set("Zorblat", true).set("zorblat", true).set("Teh", true);
    verdicts.of("fr").set("Zorblat", true);
    verdicts.learned("Zorblat");
    expect(verdicts.of("en-US").get("Zorblat")).toBe(false);
    expect(verdicts.of("fr").get("Zorblat")).toBe(false);
    expect(verdicts.of("en-US").get("zorblat")).toBe(true);
    expect(verdicts.of("en-US").get("Teh")).toBe(true);
  });

  it("a lowercase word added covers it capitalised, as the checker treats it", () => {
    const verdicts = new Verdicts();
    verdicts.of(null).set("Foxx", true).set("FOXX", true).set("foxx", true);
    verdicts.learned("foxx");
    expect([...verdicts.of(null).values()]).toEqual([false, false, false]);
  });

  it("a recheck forgets every verdict and every language found without a dictionary", () => {
    const verdicts = new Verdicts();
    verdicts.of("en").set("Teh", true);
    verdicts.unavailable.add("tlh");
    verdicts.clear();
    expect(verdicts.of("en").size).toBe(0);
    expect(verdicts.unavailable.size).toBe(0);
  });
});
