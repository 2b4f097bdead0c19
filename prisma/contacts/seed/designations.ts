import type { Prisma } from "../generated/client";
import type { ContactPointKind } from "../generated/enums";
import { sources } from "./members-facts";

/**
 * Institution-level designations under Arts. 24, 27 and 35 of the Budapest Convention, as published in treaty
 * declarations (the Dutch treaty database for Norway, Ecuador and Curaçao; the Council of Europe's list of declarations
 * for Albania). No person data: contact details are given by the T-CY on request.
 */
const designation = (
  id: string,
  kind: Extract<ContactPointKind, "TWENTY_FOUR_SEVEN" | "CENTRAL_AUTHORITY_MLA" | "EXTRADITION">,
  countryCode: string,
  authority: { authorityId: string } | { institution: string },
  validFrom: string,
  source: string,
) =>
  ({
    id,
    kind,
    networkId: kind === "TWENTY_FOUR_SEVEN" ? "coe-24-7" : null,
    countryCode,
    authorityId: "authorityId" in authority ? authority.authorityId : null,
    institution: "institution" in authority ? authority.institution : null,
    twentyFourSeven: kind === "TWENTY_FOUR_SEVEN",
    validFrom,
    lastVerifiedAt: validFrom,
    source,
  }) satisfies Prisma.ContactPointCreateManyInput;

export const designations = [
  designation(
    "no-art35-kripos",
    "TWENTY_FOUR_SEVEN",
    "NO",
    { authorityId: "no-kripos" },
    "2026-01-01",
    `${sources.designations}: Norway, Art. 35 from 1 Jan 2026`,
  ),
  designation(
    "no-art27-riksadvokaten",
    "CENTRAL_AUTHORITY_MLA",
    "NO",
    { authorityId: "no-riksadvokaten" },
    "2026-01-01",
    `${sources.designations}: Norway, Art. 27 from 1 Jan 2026`,
  ),
  designation(
    "ec-art35-general-prosecutor",
    "TWENTY_FOUR_SEVEN",
    "EC",
    { authorityId: "ec-general-prosecutor" },
    "2025-12-04",
    `${sources.designations}: Ecuador, Art. 35, 4 Dec 2025`,
  ),
  designation(
    "ec-art27-general-prosecutor",
    "CENTRAL_AUTHORITY_MLA",
    "EC",
    { authorityId: "ec-general-prosecutor" },
    "2025-12-04",
    `${sources.designations}: Ecuador, Art. 27(2), 4 Dec 2025`,
  ),
  designation(
    "ec-art24-national-court",
    "EXTRADITION",
    "EC",
    { authorityId: "ec-national-court-of-justice" },
    "2025-12-04",
    `${sources.designations}: Ecuador, Art. 24(7), 4 Dec 2025`,
  ),
  designation(
    "cw-art35-ncb",
    "TWENTY_FOUR_SEVEN",
    "CW",
    { authorityId: "cw-ncb-interpol" },
    "2024-01-01",
    `${sources.designations}: Curaçao (2024), Art. 35`,
  ),
  designation(
    "cw-art27-ncb",
    "CENTRAL_AUTHORITY_MLA",
    "CW",
    { authorityId: "cw-ncb-interpol" },
    "2024-01-01",
    `${sources.designations}: Curaçao (2024), Art. 27`,
  ),
  designation(
    "cw-art24-ncb",
    "EXTRADITION",
    "CW",
    { authorityId: "cw-ncb-interpol" },
    "2024-01-01",
    `${sources.designations}: Curaçao (2024), Art. 24`,
  ),
  designation(
    "al-art35-state-police",
    "TWENTY_FOUR_SEVEN",
    "AL",
    { authorityId: "al-state-police" },
    "2006-01-01",
    `${sources.albaniaDeclarations}: Albania (2006), 24/7 point of contact`,
  ),
  designation(
    "al-art27-ministry-of-justice",
    "CENTRAL_AUTHORITY_MLA",
    "AL",
    { authorityId: "al-ministry-of-justice" },
    "2006-01-01",
    `${sources.albaniaDeclarations}: Albania (2006), Art. 27`,
  ),
  designation(
    "al-art24-ministry-of-justice",
    "EXTRADITION",
    "AL",
    { authorityId: "al-ministry-of-justice" },
    "2006-01-01",
    `${sources.albaniaDeclarations}: Albania (2006), Art. 24 (with NCB Interpol)`,
  ),
];
