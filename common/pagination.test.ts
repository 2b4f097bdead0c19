import { encodeCursor, newestFirstPage, pageWindow, timeKey, toConnection } from "./pagination";

describe("pageWindow", () => {
  it("defaults to 20 and fetches one more to know whether a next page exists", () => {
    expect(pageWindow("countries", {})).toEqual({ size: 20, take: 21, afterKey: undefined });
  });

  it("reads a cursor of its own list only", () => {
    expect(pageWindow("countries", { first: 5, after: encodeCursor("countries", "PT") }).afterKey).toBe("PT");
    expect(() => pageWindow("countries", { after: encodeCursor("networks", "PT") })).toThrow(/after/);
    expect(() => pageWindow("countries", { after: "%%%" })).toThrow(/after/);
  });

  it.each([0, -1, 101, 1.5])("rejects first: %p", (first) => {
    expect(() => pageWindow("countries", { first })).toThrow(
      expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "first" } }),
    );
  });
});

describe("toConnection", () => {
  it("cuts the extra row and reports the next page", () => {
    const window = pageWindow("letters", { first: 2 });
    const connection = toConnection(
      "letters",
      window,
      ["a", "b", "c"],
      (letter) => letter,
      async () => 3,
    );
    expect(connection.edges.map((edge) => edge.node)).toEqual(["a", "b"]);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor("letters", "b") });
    expect(
      toConnection(
        "letters",
        window,
        [],
        (letter) => letter,
        async () => 0,
      ).pageInfo,
    ).toEqual({ hasNextPage: false, endCursor: null });
  });
});

describe("newestFirstPage", () => {
  const at = new Date("2026-01-02T03:04:05.000Z");

  it("takes every row of the condition on the first page, newest first", () => {
    expect(newestFirstPage({ networkId: "ejcn" }, undefined)).toEqual({
      where: { networkId: "ejcn" },
      orderBy: [{ at: "desc" }, { id: "desc" }],
    });
  });

  it("takes the rows older than the cursor's position after it, ties broken by id", () => {
    expect(newestFirstPage({ networkId: "ejcn" }, timeKey(at, "c-7")).where).toEqual({
      networkId: "ejcn",
      OR: [{ at: { lt: at } }, { at, id: { lt: "c-7" } }],
    });
  });

  it("refuses a cursor of another list as BAD_USER_INPUT on after", () => {
    expect(() => newestFirstPage({}, "not a cursor")).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "after" }) }),
    );
  });
});
