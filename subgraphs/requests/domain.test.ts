import { isOverdue, preservationEnd } from "./domain";

// The timers' rules, with the instant passed in: no clock, no database.

describe("preservationEnd", () => {
  it.each([
    ["2026-01-31T10:00:00Z", 60, "UTC", "2026-04-01T10:00:00.000Z"],
    // Lisbon moves to summer time on 29 Mar 2026: the same local hour is one UTC hour earlier.
    ["2026-01-31T10:00:00Z", 60, "Europe/Lisbon", "2026-04-01T09:00:00.000Z"],
    // 23:30 on 28 Feb in Santiago (UTC-3) is 1 Mar in UTC; 60 days on is 23:30 on 29 Apr, by then UTC-4.
    ["2026-03-01T02:30:00Z", 60, "America/Santiago", "2026-04-30T03:30:00.000Z"],
    // A leap-year February.
    ["2028-01-30T12:00:00Z", 60, "UTC", "2028-03-30T12:00:00.000Z"],
    // Never less than the Convention's 60 days.
    ["2026-06-30T00:00:00Z", 30, "UTC", "2026-08-29T00:00:00.000Z"],
    ["2026-06-30T00:00:00Z", 90, "UTC", "2026-09-28T00:00:00.000Z"],
  ])("executed %s, %i days in %s → %s", (executedAt, days, timeZone, expected) => {
    expect(preservationEnd(new Date(executedAt), days, timeZone).toISOString()).toBe(expected);
  });
});

describe("isOverdue", () => {
  const due = new Date("2026-05-04T08:00:00Z");
  it.each([
    ["SENT", new Date("2026-05-04T07:59:59Z"), false],
    ["SENT", new Date("2026-05-04T08:00:01Z"), true],
    ["ACKNOWLEDGED", new Date("2026-05-04T09:00:00Z"), true],
    ["EXECUTED", new Date("2026-05-04T09:00:00Z"), false],
    ["WITHDRAWN", new Date("2026-05-04T09:00:00Z"), false],
  ] as const)("a %s request due at 08:00 UTC, at %s: %s", (status, at, expected) => {
    expect(isOverdue({ status, responseDueAt: due }, at)).toBe(expected);
  });

  it("is never overdue without a response target", () => {
    expect(isOverdue({ status: "SENT", responseDueAt: null }, new Date("2030-01-01T00:00:00Z"))).toBe(false);
  });
});
