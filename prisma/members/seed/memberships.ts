import type { Prisma } from "../generated/client";
import type { MembershipRole } from "../generated/enums";
import { inferred, sources } from "./sources";
import { budapestParties } from "./treaties";

type Membership = {
  id: string;
  networkId: string;
  countryCode: string;
  authorityId: string | null;
  role: MembershipRole;
  since: string | null;
  until: null;
  source: string;
};

const membership = (
  networkId: string,
  countryCode: string,
  role: Membership["role"],
  source: string,
  since: string | null = null,
  authorityId: string | null = null,
): Membership => ({
  id: `${networkId}:${countryCode}:${role.toLowerCase()}`,
  networkId,
  countryCode,
  authorityId,
  role,
  since,
  until: null,
  source,
});

// EJCN: the 28 countries of the "Members and Observers" slide. The slide does not split the two; the EU Member States
// are members, and the three non-EU States observers (Norway and Switzerland attended the kick-off as observers).
const ejcnMembers = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
];
const ejcnObservers = ["NO", "CH", "RS"];

// CiberRed: the prosecution services at the 1st meeting (Lisbon, 5 Feb 2018), plus Spain and Andorra, named among
// the 21 prosecution services of the Lisbon meeting of Nov 2025.
const ciberredFirstMeeting = [
  "PT",
  "AR",
  "BO",
  "BR",
  "CO",
  "CL",
  "CR",
  "CU",
  "DO",
  "EC",
  "SV",
  "GT",
  "HN",
  "MX",
  "PA",
  "PY",
  "PE",
  "UY",
];

const forumFounders = ["AO", "BR", "CV", "GW", "MZ", "PT", "ST", "TL"];
const prosecutorGeneralOf = (countryCode: string) =>
  countryCode === "PT" ? "pt-pgr" : `${countryCode.toLowerCase()}-prosecutor-general`;

export const memberships = [
  ...ejcnMembers.map((code) => membership("ejcn", code, "MEMBER", sources.ejcnSlides)),
  ...ejcnObservers.map((code) =>
    membership(
      "ejcn",
      code,
      "OBSERVER",
      inferred("non-EU State on the members-and-observers slide", `${sources.ejcnSlides}; ${sources.ejcnKickOff}`),
    ),
  ),
  ...forumFounders.map((code) =>
    membership("forum-cibercrime", code, "MEMBER", sources.forumFounding, null, prosecutorGeneralOf(code)),
  ),
  membership("forum-cibercrime", "MO", "OBSERVER", sources.forumFounding, null, "mo-public-prosecutions"),
  ...ciberredFirstMeeting.map((code) => membership("ciberred", code, "MEMBER", sources.ciberredFirstMeeting)),
  membership("ciberred", "ES", "MEMBER", sources.ciberredLisbon2025),
  membership("ciberred", "AD", "MEMBER", sources.ciberredLisbon2025),
  // Every Party designates a 24/7 point of contact (Art. 35), so the network is the Parties.
  ...budapestParties.map(({ country, inForceOn }) =>
    membership(
      "coe-24-7",
      country,
      "MEMBER",
      inferred("every Party designates a point of contact under Art. 35", sources.convention247),
      inForceOn,
    ),
  ),
] satisfies Prisma.MembershipCreateManyInput[];
