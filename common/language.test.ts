import { Language, languageFromHeader, pickLabel } from "./language";

describe("languageFromHeader", () => {
  it.each([
    [undefined, Language.EN],
    ["", Language.EN],
    ["pt-BR", Language.PT],
    ["de-DE, fr;q=0.5, es;q=0.7", Language.ES],
    ["es;q=0, fr", Language.FR],
    ["fr;q=abc, pt;q=0.2", Language.PT],
    ["*", Language.EN],
    ["de, it", Language.EN],
  ])("%p → %p", (header, expected) => {
    expect(languageFromHeader(header)).toBe(expected);
  });
});

describe("pickLabel", () => {
  it("falls back to English where the translation is unknown", () => {
    expect(pickLabel({ EN: "Network", FR: null, ES: "Red", PT: null }, Language.FR)).toBe("Network");
    expect(pickLabel({ EN: "Network", FR: null, ES: "Red", PT: null }, Language.ES)).toBe("Red");
  });
});
