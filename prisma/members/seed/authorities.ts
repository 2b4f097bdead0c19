import type { Prisma } from "../generated/client";
import { sources } from "./sources";

/**
 * Authorities named in public designations and network pages. Institution-level facts only; the names are those of
 * the cited declarations, or descriptive where a source names the office by its function.
 */
export const authorities = [
  {
    id: "no-riksadvokaten",
    name: "Riksadvokaten (Director General of Public Prosecutions)",
    kind: "PROSECUTION_SERVICE",
    countryCode: "NO",
    source: `${sources.designations}: Norway, Art. 27 from 1 Jan 2026`,
  },
  {
    id: "no-kripos",
    name: "KRIPOS (National Criminal Investigation Service)",
    kind: "POLICE",
    countryCode: "NO",
    source: `${sources.designations}: Norway, Art. 35 from 1 Jan 2026`,
  },
  {
    id: "ec-national-court-of-justice",
    name: "National Court of Justice",
    kind: "COURT",
    countryCode: "EC",
    source: `${sources.designations}: Ecuador, Art. 24(7), 4 Dec 2025`,
  },
  {
    id: "ec-general-prosecutor",
    name: "Office of the General Prosecutor",
    kind: "PROSECUTION_SERVICE",
    countryCode: "EC",
    source: `${sources.designations}: Ecuador, Arts. 27(2) and 35, 4 Dec 2025`,
  },
  {
    id: "cw-ncb-interpol",
    name: "NCB INTERPOL Curaçao",
    kind: "POLICE",
    countryCode: "CW",
    source: `${sources.designations}: Curaçao (2024), Arts. 24, 27 and 35`,
  },
  {
    id: "al-ministry-of-justice",
    name: "Ministry of Justice",
    kind: "MINISTRY_OF_JUSTICE",
    countryCode: "AL",
    source: `${sources.albaniaDeclarations}: Albania (2006), Arts. 24 and 27`,
  },
  {
    id: "al-ncb-interpol",
    name: "NCB Interpol",
    kind: "POLICE",
    countryCode: "AL",
    source: `${sources.albaniaDeclarations}: Albania (2006), Art. 24`,
  },
  {
    id: "al-state-police",
    name: "State Police",
    kind: "POLICE",
    countryCode: "AL",
    source: `${sources.albaniaDeclarations}: Albania (2006), 24/7 point of contact`,
  },
  {
    id: "pt-pgr",
    name: "Procuradoria-Geral da República (Cybercrime Office)",
    kind: "PROSECUTION_SERVICE",
    countryCode: "PT",
    source: `${sources.forumFounding}: coordinates the Fórum Cibercrime and CiberRed`,
  },
  ...[
    ["AO", "Angola"],
    ["BR", "Brazil"],
    ["CV", "Cabo Verde"],
    ["GW", "Guinea-Bissau"],
    ["MZ", "Mozambique"],
    ["ST", "São Tomé and Príncipe"],
    ["TL", "Timor-Leste"],
  ].map(([countryCode, country]): Prisma.AuthorityCreateManyInput => ({
    id: `${countryCode.toLowerCase()}-prosecutor-general`,
    name: `Office of the Prosecutor General of ${country}`,
    kind: "PROSECUTION_SERVICE",
    countryCode,
    source: `${sources.forumFounding}: founding Prosecutor General of the Fórum Cibercrime`,
  })),
  {
    id: "mo-public-prosecutions",
    name: "Public Prosecutions Office of Macau",
    kind: "PROSECUTION_SERVICE",
    countryCode: "MO",
    source: `${sources.forumFounding}: observer in the Fórum Cibercrime`,
  },
] satisfies Prisma.AuthorityCreateManyInput[];
