import type { Prisma } from "../generated/client";
import type { DatePrecision, ProductKind } from "../generated/enums";
import { inferred, sources } from "./sources";

// Ids of the EJCN plenary events of the events subgraph (prisma/events/seed/events.ts), referred to by key only.
const plenary = {
  second: "ejcn-plenary-2",
  sixth: "ejcn-plenary-6",
  seventh: "ejcn-plenary-7",
  tenth: "ejcn-plenary-10",
} as const;

/** The work programmes: the two-year programme adopted at the 2nd plenary (6-7 April 2017). */
export function workProgrammeRows(): Prisma.WorkProgrammeCreateManyInput[] {
  return [
    {
      id: "ejcn-work-programme-2017",
      // The press release gives "two-year" and the adoption in April 2017, not the years: 2017-2018 is inferred.
      fromYear: 2017,
      toYear: 2018,
      periodInferred: true,
      adoptedAtEventId: plenary.second,
      topics: ["electronic evidence", "encryption", "data retention"],
      source: inferred(
        "a two-year programme adopted at the 2nd plenary on 6-7 April 2017; the years it covers are not stated",
        sources.plenary2,
      ),
    },
  ];
}

/**
 * The Council of the EU's presidency calendar, trio by trio, from 2016 (the EJCN was set up by the Council
 * Conclusions of 9 June 2016) to the end of 2030, the last semester whose presidency is fixed by Council decision.
 * Each trio is three consecutive semesters, starting with the semester given; codes are ISO 3166-1 (Greece is GR,
 * written EL by the EU). The Presidency Board of a semester is derived from these rows (subgraphs/ejcn/domain.ts,
 * boardOf): the EJCN's informal board has members from the Member States holding the trio presidencies.
 */
const trios: [firstSemester: string, countries: [string, string, string]][] = [
  ["2016-S1", ["NL", "SK", "MT"]],
  ["2017-S2", ["EE", "BG", "AT"]],
  ["2019-S1", ["RO", "FI", "HR"]],
  ["2020-S2", ["DE", "PT", "SI"]],
  ["2022-S1", ["FR", "CZ", "SE"]],
  ["2023-S2", ["ES", "BE", "HU"]],
  ["2025-S1", ["PL", "DK", "CY"]],
  ["2026-S2", ["IE", "LT", "GR"]],
  ["2028-S1", ["IT", "LV", "LU"]],
  ["2029-S2", ["NL", "SK", "MT"]],
];

/** "2024-S1" plus `count` semesters. */
function semesterAfter(semester: string, count: number): string {
  const [year, half] = semester.split("-S").map(Number);
  const index = year * 2 + (half - 1) + count;
  return `${Math.floor(index / 2)}-S${(index % 2) + 1}`;
}

export function trioRows(): Prisma.TrioCreateManyInput[] {
  return trios.map(([id]) => ({ id, source: sources.presidencyCalendar }));
}

export function presidencyRows(): Prisma.PresidencyCreateManyInput[] {
  return trios.flatMap(([trioId, countries]) =>
    countries.map((countryCode, index) => ({
      semester: semesterAfter(trioId, index),
      countryCode,
      trioId,
      source: sources.presidencyCalendar,
    })),
  );
}

/**
 * Outcome reports: Cybil Portal lists two a year for 2019-2022 without dates or links. The EJCN meets twice a year
 * and reports after each plenary, so a year's 1st and 2nd reports are those of its first and second plenary; only
 * the plenaries the events subgraph holds are linked.
 */
export function outcomeReportRows(): Prisma.OutcomeReportCreateManyInput[] {
  const report = (id: string, eventId: string, title: string, reason: string, source: string) => ({
    id,
    eventId,
    title,
    publishedOn: null,
    url: null,
    summary: null,
    source: inferred(reason, `${sources.cybilPortal}; ${source}`),
  });
  return [
    report(
      "ejcn-outcome-report-2019-1",
      plenary.sixth,
      "2019: 1st Outcome Report",
      "the first of the two 2019 outcome reports; the 2019 plenaries were the 6th (4-5 April) and the 7th (14-15 November)",
      `${sources.plenary6}; ${sources.ejcnPage}`,
    ),
    report(
      "ejcn-outcome-report-2019-2",
      plenary.seventh,
      "2019: 2nd Outcome Report",
      "the second of the two 2019 outcome reports; the 2019 plenaries were the 6th (4-5 April) and the 7th (14-15 November)",
      `${sources.plenary6}; ${sources.ejcnPage}`,
    ),
    report(
      "ejcn-outcome-report-2021-1",
      plenary.tenth,
      "2021: 1st Outcome Report",
      "the first of the two 2021 outcome reports; the 2021 meetings were the 10th plenary (June) and a meeting in December",
      sources.developments2021,
    ),
  ];
}

interface ProductFacts {
  kind: ProductKind;
  title: string;
  publisher: string;
  published?: [day: string, precision: DatePrecision];
  presentedAt?: string;
  source: string;
}

const products: Record<string, ProductFacts> = {
  "ejcn-virtual-currency-guide": {
    kind: "GUIDE",
    title: "Virtual Currency Guide for Judicial Authorities",
    publisher: "EJCN",
    published: ["2021-06-01", "MONTH"],
    presentedAt: plenary.tenth,
    source: sources.developments2021,
  },
  "eurojust-cybercrime-judicial-monitor": {
    kind: "JUDICIAL_MONITOR",
    title: "Cybercrime Judicial Monitor",
    publisher: "Eurojust, with contributions from the EJCN",
    source: sources.developments2021,
  },
  "ejcn-training-needs-analysis-2022": {
    kind: "TRAINING_NEEDS_ANALYSIS",
    title: "Analysis of the judiciary's training needs, for short specialised trainings in 2022",
    publisher: "EJCN",
    source: sources.developments2021,
  },
};

export function productRows(): Prisma.ProductCreateManyInput[] {
  return Object.entries(products).map(([id, facts]) => ({
    id,
    kind: facts.kind,
    title: facts.title,
    publisher: facts.publisher,
    // A date column takes the day as text, so no time zone can move it.
    publishedOn: facts.published?.[0] ?? null,
    publishedPrecision: facts.published?.[1] ?? null,
    url: null,
    presentedAtEventId: facts.presentedAt ?? null,
    source: facts.source,
  }));
}
