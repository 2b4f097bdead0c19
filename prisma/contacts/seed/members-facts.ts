/**
 * The facts of the members subgraph that this seed needs, copied here so that the seed stands alone: the members seed
 * belongs to another subgraph, which may run on another host. test/seeds.test.ts compares each copy with the members
 * seed, so a change there fails the test until it is made here too.
 */

/** The public sources of the designations, word for word as in the members seed's `sources`. */
export const sources = {
  designations:
    "Declarations under Arts. 24, 27 and 35: https://treatydatabase.overheid.nl/nl/Verdrag/Details/009852_w",
  albaniaDeclarations:
    "http://www.conventions.coe.int/Treaty/Commun/ListeDeclarations.asp?CL=ENG&CM=8&NT=185&DF=2/21/2008&VL=1",
} as const;

/** A country in a network, with the authority the members seed names for it. */
export interface NetworkMember {
  networkId: string;
  countryCode: string;
  authorityId: string | null;
}

const members = (networkId: string, countryCodes: string): NetworkMember[] =>
  countryCodes
    .trim()
    .split(/\s+/)
    .map((countryCode) => ({ networkId, countryCode, authorityId: null }));

/** The memberships of the members seed, in its order: one contact point is seeded for each. */
export const networkMembers: NetworkMember[] = [
  // EJCN: the EU Member States, then the observers Norway, Switzerland and Serbia.
  ...members("ejcn", "AT BE BG HR CZ DK EE FI FR DE GR HU IE IT LV LT LU NL PL PT RO SK SI ES SE  NO CH RS"),
  // Fórum Cibercrime: the founding prosecution services, then Macau as observer.
  ...[
    ["AO", "ao-prosecutor-general"],
    ["BR", "br-prosecutor-general"],
    ["CV", "cv-prosecutor-general"],
    ["GW", "gw-prosecutor-general"],
    ["MZ", "mz-prosecutor-general"],
    ["PT", "pt-pgr"],
    ["ST", "st-prosecutor-general"],
    ["TL", "tl-prosecutor-general"],
    ["MO", "mo-public-prosecutions"],
  ].map(([countryCode, authorityId]) => ({ networkId: "forum-cibercrime", countryCode, authorityId })),
  // CiberRed: the 1st meeting (Lisbon, 2018), then Spain and Andorra.
  ...members("ciberred", "PT AR BO BR CO CL CR CU DO EC SV GT HN MX PA PY PE UY  ES AD"),
  // 24/7 Network: the Parties to the Budapest Convention, in the order of the members seed's list.
  ...members(
    "coe-24-7",
    `AL AD AR AM AU AT AZ BE BJ BA BR BG CV CM CA CL CO CR CI HR CY CZ DK DO EE FJ FI FR GE DE GH GR GD HU IS
     IL IT JP KI LV LI LT LU MT MU MD MA NZ PH ME NL MK NO PA PT RO RS SK SI ES LK CH TR UA GB US PY PE SL SE RW
     PL MC SM NG TO SN TN`,
  ),
];
