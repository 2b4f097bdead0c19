import { dayRange, localDate, localDays } from "./dates";

describe("local days of a stored day range", () => {
  // Zones at both ends of the date line, south and north of the equator, with and without daylight saving.
  const zones = [
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "Europe/Lisbon",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "UTC",
  ];
  // Days around daylight-saving changes, a leap day, a year's turn, and years the scalars allow at both ends.
  const ranges = [
    ["2026-03-29", "2026-03-29"],
    ["2026-10-24", "2026-10-26"],
    ["2028-02-28", "2028-03-01"],
    ["2026-12-31", "2027-01-01"],
    ["0005-06-01", "0005-06-02"],
    ["9999-12-30", "9999-12-31"],
  ];

  it.each(zones)("gives back the days a range was made of, in %s", (timeZone) => {
    for (const [firstDay, lastDay] of ranges) {
      const { startsAt, endsAt } = dayRange(firstDay, lastDay, timeZone);
      expect(localDays(startsAt, endsAt, timeZone)).toEqual({ startDate: firstDay, endDate: lastDay });
    }
  });

  it("reads an instant's date where it is, not in UTC", () => {
    const instant = new Date(Date.UTC(2026, 4, 3, 23, 30));
    expect(localDate(instant, "UTC")).toBe("2026-05-03");
    expect(localDate(instant, "Europe/Lisbon")).toBe("2026-05-04");
    expect(localDate(instant, "America/Sao_Paulo")).toBe("2026-05-03");
  });
});
