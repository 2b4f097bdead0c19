import type { Treaty, TreatyStatusKind } from "../generated/enums";
import { inferred, sources, unsourced } from "./sources";

/**
 * A Party to the Budapest Convention (ETS 185). `partyBy` is the latest day by which the sources show the State a
 * Party (the deposit of its instrument, the end of the month it must have been deposited in, or the date of the
 * listing that names it): the Council of Europe counts a State as a Party from the deposit, not from entry into force.
 */
export type Party = {
  country: string;
  signedOn: string | null;
  inForceOn: string | null;
  partyBy: string;
  source: string;
};

/**
 * Art. 36(4) and 37(2): in force on the first day of the month after three months from the deposit, so the
 * instrument was deposited at the latest on the last day of the month four months before.
 */
export function depositedBy(inForceOn: string): string {
  const date = new Date(`${inForceOn}T00:00:00Z`);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 3, 0)).toISOString().slice(0, 10);
}

const party = (country: string, inForceOn: string, source: string = sources.budapestParties): Party => ({
  country,
  signedOn: null,
  inForceOn,
  partyBy: depositedBy(inForceOn),
  source,
});
// Rows of the Treaty Office chart (status as of 03/12/2015): signature and entry into force as it gives them.
const charted = (country: string, signedOn: string, inForceOn: string): Party => ({
  ...party(country, inForceOn, `${sources.coeChart185}; ${sources.budapestParties}`),
  signedOn,
});
const party2015 = (country: string): Party => ({
  country,
  signedOn: null,
  inForceOn: null,
  partyBy: "2015-09-30",
  source: sources.budapestParties2015,
});
const deposited = (country: string, on: string, source: string, inForceOn: string | null = null): Party => ({
  country,
  signedOn: null,
  inForceOn,
  partyBy: on,
  source,
});

/**
 * The Parties to the Budapest Convention (ETS 185) named in the consulted sources, each with its own: the Treaty
 * Office chart where its one copy reaches (member States Albania to Germany), the Dutch treaty database, the chart
 * of 2015 and the Council of Europe's news of each accession. Their count is checked against the Council of Europe's
 * totals in test/facts.test.ts.
 */
export const budapestParties: Party[] = [
  charted("AL", "2001-11-23", "2004-07-01"),
  {
    ...party("AD", "2017-03-01"),
    signedOn: "2013-04-23",
    source: `${sources.coeChart185}; ${sources.budapestParties}`,
  },
  party("AR", "2018-10-01"),
  charted("AM", "2001-11-23", "2007-02-01"),
  party("AU", "2013-03-01"),
  charted("AT", "2001-11-23", "2012-10-01"),
  charted("AZ", "2008-06-30", "2010-07-01"),
  charted("BE", "2001-11-23", "2012-12-01"),
  deposited("BJ", "2024-06-20", `${sources.coeCount2024June}; ${sources.budapestParties}`, "2024-10-01"),
  charted("BA", "2005-02-09", "2006-09-01"),
  party("BR", "2023-03-01"),
  charted("BG", "2001-11-23", "2005-08-01"),
  party("CV", "2018-10-01"),
  party("CM", "2024-04-01"),
  party("CA", "2015-11-01"),
  party("CL", "2017-08-01"),
  party("CO", "2020-07-01"),
  party("CR", "2018-01-01"),
  deposited("CI", "2024-07-29", sources.budapestParties, "2024-11-01"),
  charted("HR", "2001-11-23", "2004-07-01"),
  charted("CY", "2001-11-23", "2005-05-01"),
  charted("CZ", "2005-02-09", "2013-12-01"),
  charted("DK", "2003-04-22", "2005-10-01"),
  party("DO", "2013-06-01"),
  charted("EE", "2001-11-23", "2004-07-01"),
  deposited("FJ", "2024-06-20", `${sources.coeCount2024June}; ${sources.budapestParties}`, "2024-10-01"),
  charted("FI", "2001-11-23", "2007-09-01"),
  charted("FR", "2001-11-23", "2006-05-01"),
  charted("GE", "2008-04-01", "2012-10-01"),
  charted("DE", "2001-11-23", "2009-07-01"),
  party("GH", "2019-04-01"),
  party("GR", "2017-05-01"),
  party("GD", "2024-08-01"),
  party("HU", "2004-07-01"),
  party("IS", "2007-05-01"),
  party("IL", "2016-09-01"),
  party("IT", "2008-10-01"),
  party("JP", "2012-11-01"),
  deposited("KI", "2024-06-20", `${sources.coeCount2024June}; ${sources.budapestParties}`, "2024-10-01"),
  party("LV", "2007-06-01"),
  party("LI", "2016-05-01"),
  party("LT", "2004-07-01"),
  party("LU", "2015-05-01"),
  party("MT", "2012-08-01"),
  party("MU", "2014-03-01"),
  party("MD", "2009-09-01"),
  party("MA", "2018-10-01"),
  deposited("NZ", "2025-08-28", sources.budapestParties, "2025-12-01"),
  party("PH", "2018-07-01"),
  party2015("ME"),
  party2015("NL"),
  party2015("MK"),
  party2015("NO"),
  party2015("PA"),
  party2015("PT"),
  party2015("RO"),
  party2015("RS"),
  party2015("SK"),
  party2015("SI"),
  party2015("ES"),
  party2015("LK"),
  party2015("CH"),
  party2015("TR"),
  party2015("UA"),
  party2015("GB"),
  party2015("US"),
  deposited("PY", "2017-12-31", sources.paraguay),
  deposited("PE", "2019-09-22", sources.peru),
  deposited("SL", "2024-04-19", sources.sierraLeone),
  { ...deposited("SE", "2021-04-28", sources.sweden), signedOn: "2001-11-23" },
  deposited("RW", "2025-01-10", sources.rwanda),
  // Member States the earlier sources were silent on.
  party("PL", "2015-06-01", sources.poland),
  deposited("MC", "2017-03-17", sources.monaco, "2017-07-01"),
  { ...deposited("SM", "2019-03-08", sources.sanMarino), signedOn: "2017-03-17" },
  // Non-member States that acceded.
  deposited("NG", "2022-07-06", sources.nigeria, "2022-11-01"),
  deposited("TO", "2017-05-31", sources.tonga),
  deposited(
    "SN",
    "2021-04-28",
    inferred("named among 66 Parties, a count first reached with Sweden on 28 Apr 2021", sources.senegal),
  ),
  deposited("TN", "2024-03-08", sources.tunisia),
];

/** The Council of Europe's totals of Parties on given days, which the named Parties must match (test/facts.test.ts). */
export const budapestTotals = [
  { on: "2021-04-28", parties: 66, source: sources.coeCount2021 },
  { on: "2024-03-08", parties: 70, source: sources.tunisia },
  { on: "2024-04-19", parties: 71, source: sources.sierraLeone },
  { on: "2024-06-20", parties: 75, signatories: 2, invited: 18, source: sources.coeCount2024June },
  { on: "2024-10-09", parties: 76, signatories: 2, invited: 18, source: sources.coeCount2024October },
  { on: "2025-01-10", parties: 78, source: sources.rwanda },
];

/**
 * Parties the totals count but no consulted source names: Rwanda was the 78th on 10 Jan 2025 while 76 were counted on
 * 9 Oct 2024, so one State acceded in between.
 */
export const unnamedParties = [{ after: "2024-10-09", before: "2025-01-10" }];

/** Signatories (not Parties): the two the Council of Europe counts, named by one source. */
export const budapestSignatories = [
  {
    country: "IE",
    signedOn: "2002-02-28",
    source: inferred(
      "still a signatory: two were counted on 9 Oct 2024",
      `${sources.ireland}; ${sources.signatories}; ${sources.coeCount2024October}`,
    ),
  },
  {
    country: "ZA",
    signedOn: null,
    source: inferred(
      "still a signatory: two were counted on 9 Oct 2024",
      `${sources.signatories}; ${sources.coeCount2024October}`,
    ),
  },
];

/** States invited to accede, as named in the consulted sources (18 were invited on 9 Oct 2024). */
export const budapestInvited = [
  { country: "KE", source: sources.budapestInvited2024 },
  { country: "MW", source: sources.budapestInvited2024 },
  { country: "PG", source: sources.budapestInvited2024 },
  { country: "VU", source: sources.budapestInvitedVanuatu },
];

/** Not a Party in its own right, with what applies instead. */
export const budapestNone = [
  {
    country: "CW",
    source: `not a State: the Convention applies to Curaçao from 1 Oct 2024 through the Kingdom of the Netherlands, the Party; ${sources.curacao}`,
  },
];

/** Ecuador: what the sources say, which is not its status. */
const ecuadorUnknown = unsourced(
  "Ecuador's designations under Arts. 24, 27 and 35 suggest it is a Party, but no consulted source gives its accession",
  sources.ecuador,
);

// Every other country: the totals of 9 Oct 2024 leave only the invitations, and later accessions, unnamed.
const notNamed = unsourced(
  "neither a Party nor a signatory on 9 Oct 2024 (all 76 and 2 counted are named in this seed); whether it was among the 18 States invited then, or has acceded since, is not in the consulted sources",
  `${sources.coeCount2024October}; ${sources.coeChart185} (its one copy shows only member States Albania to Germany)`,
);

/** Signatures (and the three ratifications) of the Second Additional Protocol (CETS 224): its whole party table. */
export const secondProtocolSignatories: { country: string; signedOn: string; ratifiedOn?: string }[] = [
  { country: "AL", signedOn: "2023-02-27" },
  { country: "AD", signedOn: "2022-05-20" },
  { country: "AR", signedOn: "2023-02-16" },
  { country: "AM", signedOn: "2023-11-16" },
  { country: "AT", signedOn: "2022-05-12" },
  { country: "BE", signedOn: "2022-05-12" },
  { country: "BA", signedOn: "2025-11-14" },
  { country: "BG", signedOn: "2022-05-12" },
  { country: "CV", signedOn: "2023-06-28" },
  { country: "CA", signedOn: "2023-06-20" },
  { country: "CL", signedOn: "2022-05-12" },
  { country: "CO", signedOn: "2022-05-12" },
  { country: "CR", signedOn: "2022-06-13" },
  { country: "HR", signedOn: "2022-11-30" },
  { country: "CZ", signedOn: "2024-06-20" },
  { country: "DO", signedOn: "2023-01-30" },
  { country: "EE", signedOn: "2022-05-12" },
  { country: "FJ", signedOn: "2025-06-05" },
  { country: "FI", signedOn: "2022-05-12" },
  { country: "FR", signedOn: "2023-01-27" },
  { country: "GE", signedOn: "2024-06-17" },
  { country: "DE", signedOn: "2023-01-27" },
  { country: "GH", signedOn: "2023-06-28" },
  { country: "GR", signedOn: "2023-01-20" },
  { country: "HU", signedOn: "2023-06-28", ratifiedOn: "2026-02-05" },
  { country: "IS", signedOn: "2022-05-12" },
  { country: "IT", signedOn: "2022-05-12" },
  { country: "JP", signedOn: "2022-05-12", ratifiedOn: "2023-08-10" },
  { country: "LV", signedOn: "2025-03-27" },
  { country: "LT", signedOn: "2022-05-12" },
  { country: "LU", signedOn: "2022-05-12" },
  { country: "MT", signedOn: "2023-06-22" },
  { country: "MU", signedOn: "2023-05-31" },
  { country: "MD", signedOn: "2022-11-30" },
  { country: "ME", signedOn: "2022-05-12" },
  { country: "MA", signedOn: "2022-05-12" },
  { country: "NL", signedOn: "2022-05-12" },
  { country: "MK", signedOn: "2022-05-12" },
  { country: "NO", signedOn: "2025-07-09" },
  { country: "PY", signedOn: "2024-09-24" },
  { country: "PE", signedOn: "2024-12-12" },
  { country: "PT", signedOn: "2022-05-12" },
  { country: "RO", signedOn: "2022-05-12" },
  { country: "RS", signedOn: "2022-05-12", ratifiedOn: "2023-02-09" },
  { country: "SL", signedOn: "2024-06-20" },
  { country: "SI", signedOn: "2022-11-30" },
  { country: "ES", signedOn: "2022-05-12" },
  { country: "LK", signedOn: "2022-11-30" },
  { country: "SE", signedOn: "2022-05-12" },
  { country: "UA", signedOn: "2022-11-30" },
  { country: "GB", signedOn: "2022-11-30" },
  { country: "US", signedOn: "2022-05-12" },
];

const notInSecondProtocolTable = `not among the 52 States of the party table; ${sources.secondProtocol}`;

export interface TreatyFact {
  country: string;
  treaty: Treaty;
  status: TreatyStatusKind;
  signedOn: string | null;
  ratifiedOn: string | null;
  inForceOn: string | null;
  source: string;
}

/** A status with its source for each country and both treaties: sourced, or UNKNOWN saying why. */
export function treatyFacts(countryCodes: string[]): TreatyFact[] {
  const budapest = new Map<string, Omit<TreatyFact, "country" | "treaty">>();
  const none = { signedOn: null, ratifiedOn: null, inForceOn: null };
  for (const { country, signedOn, inForceOn, source } of budapestParties)
    budapest.set(country, { status: "PARTY", signedOn, ratifiedOn: null, inForceOn, source });
  for (const { country, signedOn, source } of budapestSignatories)
    budapest.set(country, { ...none, status: "SIGNATORY", signedOn, source });
  for (const { country, source } of budapestInvited) budapest.set(country, { ...none, status: "INVITED", source });
  for (const { country, source } of budapestNone) budapest.set(country, { ...none, status: "NONE", source });
  budapest.set("EC", { ...none, status: "UNKNOWN", source: ecuadorUnknown });
  const protocol = new Map(secondProtocolSignatories.map((row) => [row.country, row]));
  return countryCodes.flatMap((country): TreatyFact[] => {
    const signed = protocol.get(country);
    return [
      {
        country,
        treaty: "BUDAPEST_CONVENTION",
        ...(budapest.get(country) ?? { ...none, status: "UNKNOWN", source: notNamed }),
      },
      signed
        ? {
            country,
            treaty: "SECOND_ADDITIONAL_PROTOCOL",
            status: "SIGNATORY",
            signedOn: signed.signedOn,
            ratifiedOn: signed.ratifiedOn ?? null,
            inForceOn: null,
            source: sources.secondProtocol,
          }
        : { country, treaty: "SECOND_ADDITIONAL_PROTOCOL", status: "NONE", ...none, source: notInSecondProtocolTable },
    ];
  });
}
