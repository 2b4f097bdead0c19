import { getCountry } from "countries-and-timezones";
import { countries } from "countries-list";
import type { Prisma } from "../generated/client";
import { designations } from "./designations";
import { networkMembers } from "./members-facts";

/**
 * One contact point per member country of each network, with visibly fictional person data (the real lists are
 * restricted). For the 24/7 network a 24/7 point per Party, where no published designation is seeded.
 */
export const fictionalSource =
  "fictional person data for development and tests; institution and membership as in the members seed";

/** The time zone named after the capital where the country has several, else its first (fictional office hours). */
export function timeZoneOf(countryCode: string): string {
  const zones = getCountry(countryCode)?.timezones ?? ["UTC"];
  const capital =
    (countries as Record<string, { capital: string } | undefined>)[countryCode]?.capital.replace(/ /g, "_") ?? "";
  return zones.find((zone) => capital !== "" && zone.endsWith(`/${capital}`)) ?? zones[0] ?? "UTC";
}

export const languagesOf = (countryCode: string) => [
  ...new Set([
    ...((countries as Record<string, { languages: string[] } | undefined>)[countryCode]?.languages ?? []),
    "en",
  ]),
];

export function networkContactPoints() {
  const designated = new Set(
    designations.filter((point) => point.kind === "TWENTY_FOUR_SEVEN").map((point) => point.countryCode),
  );
  return networkMembers
    .filter((membership) => membership.networkId !== "coe-24-7" || !designated.has(membership.countryCode))
    .map((membership, index) => {
      const twentyFourSeven = membership.networkId === "coe-24-7";
      const slug = `${membership.networkId}-${membership.countryCode.toLowerCase()}`;
      return {
        id: `cp-${slug}`,
        kind: twentyFourSeven ? "TWENTY_FOUR_SEVEN" : "NETWORK_CONTACT_POINT",
        networkId: membership.networkId,
        countryCode: membership.countryCode,
        authorityId: membership.authorityId,
        institution: null,
        personName: `Fictional Contact ${membership.countryCode} ${membership.networkId.toUpperCase()} (fictional)`,
        personTitle: twentyFourSeven ? "Duty officer (fictional)" : "Specialised prosecutor (fictional)",
        email: `${slug}@contact-point.example`,
        phone: `+000 555 ${String(1000 + index).padStart(4, "0")}`,
        secureChannel: null,
        languages: languagesOf(membership.countryCode),
        twentyFourSeven,
        officeDays: twentyFourSeven ? [] : [1, 2, 3, 4, 5],
        opensAt: twentyFourSeven ? null : "09:00",
        closesAt: twentyFourSeven ? null : "17:00",
        timeZone: timeZoneOf(membership.countryCode),
        validFrom: "2026-01-01",
        lastVerifiedAt: null,
        source: fictionalSource,
      } satisfies Prisma.ContactPointCreateManyInput;
    });
}
