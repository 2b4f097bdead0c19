import { inferred, sources } from "./sources";

type Party = { country: string; inForceOn: string | null; source: string };

const party = (country: string, inForceOn: string): Party => ({ country, inForceOn, source: sources.budapestParties });
const party2015 = (country: string): Party => ({ country, inForceOn: null, source: sources.budapestParties2015 });
const partyBy2ap = (country: string): Party => ({
  country,
  inForceOn: null,
  source: inferred("the Second Additional Protocol is open only to Parties and this State signed it", sources.secondProtocol),
});

/** Parties to the Budapest Convention (ETS 185) found in the consulted sources (shared/reference/domain.md §3.1). */
export const budapestParties: Party[] = [
  party("AL", "2004-07-01"), party("AD", "2017-03-01"), party("AR", "2018-10-01"), party("AM", "2007-02-01"),
  party("AU", "2013-03-01"), party("AT", "2012-10-01"), party("AZ", "2010-07-01"), party("BE", "2012-12-01"),
  party("BJ", "2024-10-01"), party("BA", "2006-09-01"), party("BR", "2023-03-01"), party("BG", "2005-08-01"),
  party("CV", "2018-10-01"), party("CM", "2024-04-01"), party("CA", "2015-11-01"), party("CL", "2017-08-01"),
  party("CO", "2020-07-01"), party("CR", "2018-01-01"), party("CI", "2024-11-01"), party("HR", "2004-07-01"),
  party("CY", "2005-05-01"), party("CZ", "2013-12-01"), party("DK", "2005-10-01"), party("DO", "2013-06-01"),
  party("EE", "2004-07-01"), party("FJ", "2024-10-01"), party("FI", "2007-09-01"), party("FR", "2006-05-01"),
  party("GE", "2012-10-01"), party("DE", "2009-07-01"), party("GH", "2019-04-01"), party("GR", "2017-05-01"),
  party("GD", "2024-08-01"), party("HU", "2004-07-01"), party("IS", "2007-05-01"), party("IL", "2016-09-01"),
  party("IT", "2008-10-01"), party("JP", "2012-11-01"), party("KI", "2024-10-01"), party("LV", "2007-06-01"),
  party("LI", "2016-05-01"), party("LT", "2004-07-01"), party("LU", "2015-05-01"), party("MT", "2012-08-01"),
  party("MU", "2014-03-01"), party("MD", "2009-09-01"), party("MA", "2018-10-01"), party("NZ", "2025-12-01"),
  party("PH", "2018-07-01"),
  party2015("ME"), party2015("NL"), party2015("MK"), party2015("NO"), party2015("PA"), party2015("PT"),
  party2015("RO"), party2015("RS"), party2015("SK"), party2015("SI"), party2015("ES"), party2015("LK"),
  party2015("CH"), party2015("TR"), party2015("UA"), party2015("GB"), party2015("US"),
  partyBy2ap("PY"), partyBy2ap("PE"), partyBy2ap("SL"), partyBy2ap("SE"),
  { country: "RW", inForceOn: null, source: sources.rwanda },
];

/** States invited to accede to the Convention, as named in the consulted sources. */
export const budapestInvited = [
  { country: "KE", source: sources.budapestInvited2024 },
  { country: "MW", source: sources.budapestInvited2024 },
  { country: "PG", source: sources.budapestInvited2024 },
  { country: "VU", source: sources.budapestInvitedVanuatu },
];

/** Signatories of the Second Additional Protocol (CETS 224), with the signature and ratification dates given. */
export const secondProtocolSignatories: { country: string; signedOn?: string; ratifiedOn?: string }[] = [
  ...["AL", "AD", "AR", "AM", "AT", "BE", "BA", "BG", "CV", "CA", "CL", "CO", "CR", "HR", "CZ", "DO", "EE", "FJ", "FI",
    "FR", "GE", "DE", "GH", "GR", "IS", "IT", "LV", "LT", "LU", "MT", "MU", "MD", "ME", "MA", "NL", "MK", "NO", "PT", "RO",
    "SI", "ES", "LK", "UA", "GB", "US"].map((country) => ({ country })),
  { country: "HU", ratifiedOn: "2026-02-05" },
  { country: "JP", ratifiedOn: "2023-08-10" },
  { country: "RS", ratifiedOn: "2023-02-09" },
  { country: "PY", signedOn: "2024-09-24" },
  { country: "PE", signedOn: "2024-12-12" },
  { country: "SL", signedOn: "2024-06-20" },
  { country: "SE", signedOn: "2022-05-12" },
];
