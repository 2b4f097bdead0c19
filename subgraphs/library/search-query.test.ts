import { parseLibraryQuery } from "./search-query";

describe("a library query", () => {
  it("is nothing when blank or only punctuation", () => {
    for (const query of [null, undefined, "", "   ", '" "', "-- ,;"]) expect(parseLibraryQuery(query)).toBeNull();
  });

  it("passes words, phrases, or and exclusions on as written", () => {
    expect(parseLibraryQuery('  "stored computer data"  or  preservation -traffic ')).toEqual({
      text: '"stored computer data" or preservation -traffic',
      prefixes: [],
    });
  });

  it("takes prefixes out, folded to lower case without accents, required or excluded", () => {
    expect(parseLibraryQuery("Preserv* dados -Informá* «ponto de contacto*»")).toEqual({
      text: 'dados "ponto de contacto*"',
      prefixes: [
        { start: "preserv", excluded: false },
        { start: "informa", excluded: true },
      ],
    });
    expect(parseLibraryQuery("subscr*")).toEqual({ text: "", prefixes: [{ start: "subscr", excluded: false }] });
  });

  it("refuses a prefix of one letter and a query over 200 characters, naming the field", () => {
    expect(() => parseLibraryQuery("a*")).toThrow(
      expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "query" } }),
    );
    expect(() => parseLibraryQuery("x".repeat(201))).toThrow("query is limited to 200 characters");
    expect(parseLibraryQuery("x".repeat(200))?.text).toHaveLength(200);
  });
});
