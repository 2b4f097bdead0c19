import type { Prisma } from "../generated/client";
import type { MembershipRole } from "../generated/enums";
import { inferred, sources, unsourced } from "./sources";
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
// are members, and the three non-EU States observers. Norway and Switzerland attended the kick-off as observers;
// no consulted source says what Serbia is.
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
const ejcnObservers = ["NO", "CH"];

// CiberRed: the prosecution services at the 1st meeting (Lisbon, 5 Feb 2018), plus Spain and Andorra, named among
// the 21 of the Lisbon meeting of Nov 2025; why 20 and not 21 is said in the source of those two rows.
const ciberredOf2025 = `${sources.ciberredLisbon2025}; the page counts 21 prosecution services but its description ("Portugal, Spain, Andorra and all States of the Americas with Spanish and Portuguese as official languages") makes 22 with Nicaragua and Venezuela, not named elsewhere in the consulted sources, so the network holds 20 here`;
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
  // On the slide, so in the network; its role is assumed from its not being an EU Member State.
  membership(
    "ejcn",
    "RS",
    "OBSERVER",
    unsourced(
      "the role: Serbia is on the members-and-observers slide, which does not say who is which, and the kick-off source names only Norway and Switzerland as observers; OBSERVER is assumed as for the other non-EU States",
      sources.ejcnSlides,
    ),
  ),
  ...forumFounders.map((code) =>
    membership("forum-cibercrime", code, "MEMBER", sources.forumFounding, null, prosecutorGeneralOf(code)),
  ),
  membership("forum-cibercrime", "MO", "OBSERVER", sources.forumFounding, null, "mo-public-prosecutions"),
  ...ciberredFirstMeeting.map((code) => membership("ciberred", code, "MEMBER", sources.ciberredFirstMeeting)),
  membership("ciberred", "ES", "MEMBER", ciberredOf2025),
  membership("ciberred", "AD", "MEMBER", ciberredOf2025),
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
