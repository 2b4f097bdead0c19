import { MultiBar, Presets } from "cli-progress";
import { DateTime } from "luxon";
import pg from "pg";
import { now } from "../common/clock";
import { databaseTargetFromUrl, openDatabase } from "../common/database";
import { dayRange } from "../common/dates";
import { seedOnce, upsertRows } from "../common/seed";
import { foldForSearch } from "../common/text";
import { languagesOf, timeZoneOf } from "../prisma/contacts/seed/network-contact-points";
import { syntheticForum } from "../prisma/gpen/synthetic";
import { countries } from "../prisma/members/seed/countries";
import { memberships } from "../prisma/members/seed/memberships";
import { seededRandom, syntheticRequests, weightedPicker } from "../prisma/requests/synthetic";
import { subgraphs } from "../subgraphs";
import { libraryDocumentBatches } from "./library-corpus";

/**
 * The benchmark's data set: the sourced seed of every subgraph plus synthetic rows at a chosen size, all countries.
 * Synthetic rows are marked as such (ids start with `bench-`, names say "synthetic", persons are fictional).
 */
export const dataSetSizes = {
  tiny: { cooperationRequests: 2_000, contactPoints: 1_000, events: 200, libraryDocuments: 2_000, forumThreads: 500 },
  small: {
    cooperationRequests: 50_000,
    contactPoints: 10_000,
    events: 1_000,
    libraryDocuments: 20_000,
    forumThreads: 5_000,
  },
  large: {
    cooperationRequests: 1_000_000,
    contactPoints: 100_000,
    events: 10_000,
    libraryDocuments: 100_000,
    forumThreads: 50_000,
  },
} as const;
/** Each forum thread gets 0 to this many replies (4 on average). */
const maxForumReplies = 8;
export type DataSetSize = keyof typeof dataSetSizes;

// Bump when the generator changes, so a stored data set of the old shape is rebuilt.
const generatorVersion = 5;
const rowsPerBatch = 2_000;
const syntheticSource = "synthetic benchmark data (npm run bench), not a fact";

export const benchAuthorityId = (countryCode: string) => `bench-${countryCode.toLowerCase()}`;

export interface LoadedDataSet {
  size: DataSetSize;
  reused: boolean;
  loadSeconds: number;
  rows: Record<string, number>;
}

/** Loads the data set into one PostgreSQL schema per subgraph unless this size and generator are already there. */
export async function ensureDataSet(databaseUrl: string, size: DataSetSize, progress: boolean): Promise<LoadedDataSet> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(
      `CREATE TABLE IF NOT EXISTS public.bench_data_set (id int PRIMARY KEY, size text NOT NULL, generator int NOT NULL, rows jsonb NOT NULL, load_seconds real NOT NULL)`,
    );
    const [stored] = (
      await admin.query(`SELECT size, generator, rows, load_seconds FROM public.bench_data_set WHERE id = 1`)
    ).rows;
    if (stored?.size === size && stored.generator === generatorVersion) {
      return { size, reused: true, loadSeconds: stored.load_seconds, rows: stored.rows };
    }
    const started = performance.now();
    // Another size or an interrupted load: start from empty schemas, then migrate and seed as a subgraph would.
    await admin.query(`DELETE FROM public.bench_data_set`);
    for (const definition of subgraphs) await admin.query(`DROP SCHEMA IF EXISTS "${definition.name}" CASCADE`);
    const rows = await loadDataSet(databaseUrl, size, progress);
    // Planner statistics and visibility maps for the new rows, as autovacuum would leave them on a server in use.
    await admin.query("VACUUM ANALYZE");
    const loadSeconds = (performance.now() - started) / 1000;
    await admin.query(`INSERT INTO public.bench_data_set VALUES (1, $1, $2, $3, $4)`, [
      size,
      generatorVersion,
      JSON.stringify(rows),
      loadSeconds,
    ]);
    return { size, reused: false, loadSeconds, rows };
  } finally {
    await admin.end();
  }
}

async function loadDataSet(databaseUrl: string, size: DataSetSize, progress: boolean): Promise<Record<string, number>> {
  const counts = dataSetSizes[size];
  const bars = new MultiBar(
    {
      format: " {table} [{bar}] {percentage}% {value}/{total} rows, {duration}s",
      hideCursor: true,
      noTTYOutput: progress,
      notTTYSchedule: 5_000,
      stopOnComplete: true,
    },
    Presets.shades_classic,
  );
  const rows: Record<string, number> = {};
  const countryCodes = countries().map((country) => country.code);
  try {
    for (const definition of subgraphs) {
      const database = await openDatabase(
        definition.name,
        databaseTargetFromUrl(definition.name, databaseUrl),
        definition.createPrismaClient,
      );
      try {
        if (definition.seed) await seedOnce(database.sql, definition.name, definition.seed());
        for (const table of syntheticTables(definition.name, countryCodes, counts)) {
          const bar = progress
            ? bars.create(table.total, 0, {
                table: `${definition.name}.${table.table}${table.updates ? ` (${table.updates})` : ""}`.padEnd(28),
              })
            : null;
          let written = 0;
          for (const batch of table.batches()) {
            for (let start = 0; start < batch.length; start += rowsPerBatch) {
              await upsertRows(database.sql, table.table, ["id"], batch.slice(start, start + rowsPerBatch));
            }
            written += batch.length;
            bar?.update(Math.min(written, table.total));
          }
          bar?.update(table.total);
          if (!table.updates) rows[`${definition.name}.${table.table}`] = written;
        }
      } finally {
        await database.close();
      }
    }
  } finally {
    bars.stop();
  }
  return rows;
}

interface SyntheticTable {
  table: string;
  /** Set when the rows were written before and this pass adds what could not come then (named, not counted again). */
  updates?: string;
  /** Rows expected (a progress bar's total); batches may hold more for tables that follow another's rows. */
  total: number;
  batches(): Generator<Record<string, unknown>[]>;
}

function syntheticTables(
  subgraph: string,
  countryCodes: string[],
  counts: (typeof dataSetSizes)[DataSetSize],
): SyntheticTable[] {
  switch (subgraph) {
    case "members":
      return [
        {
          table: "Authority",
          total: countryCodes.length,
          *batches() {
            yield authorityRows(countryCodes);
          },
        },
      ];
    case "contacts":
      return [
        {
          table: "ContactPoint",
          total: counts.contactPoints,
          batches: () => contactPointBatches(countryCodes, counts.contactPoints),
        },
      ];
    case "events":
      return [{ table: "Event", total: counts.events, batches: () => eventBatches(countryCodes, counts.events) }];
    case "requests":
      return requestTables(countryCodes, counts.cooperationRequests);
    case "library":
      return [
        {
          table: "Document",
          total: counts.libraryDocuments,
          batches: () => libraryDocumentBatches(countryCodes, counts.libraryDocuments),
        },
      ];
    case "gpen":
      return forumTables(counts.forumThreads);
    default:
      return [];
  }
}

/**
 * The GPEN forum over the two years before the load: threads, their replies, the moderation log of the posts hidden,
 * and last the answers (a thread's answer is one of its replies, which must be there first).
 */
function forumTables(threads: number): SyntheticTable[] {
  const forum = syntheticForum({
    threads,
    maxReplies: maxForumReplies,
    end: now(),
    days: 730,
    authors: 500,
    seed: 23,
    idPrefix: "bench",
    answeredShare: 0.4,
    hiddenShare: 0.02,
  });
  const answered = forum.threads.filter((thread) => thread.answerReplyId);
  const forumTable = (table: string, all: Record<string, unknown>[], updates?: string): SyntheticTable => ({
    table,
    updates,
    total: all.length,
    *batches() {
      yield all;
    },
  });
  return [
    forumTable(
      "ForumThread",
      forum.threads.map((thread) => ({ ...thread, answerReplyId: null, answeredAt: null, answeredBySub: null })),
    ),
    forumTable("ForumReply", forum.replies),
    forumTable("ForumModerationAction", forum.moderation),
    forumTable("ForumThread", answered, "answers"),
  ];
}

/** One synthetic prosecution service per country, so requests and contact points can name an authority everywhere. */
function authorityRows(countryCodes: string[]) {
  return countryCodes.map((countryCode) => ({
    id: benchAuthorityId(countryCode),
    name: `Synthetic prosecution service of ${countryCode} (benchmark data)`,
    kind: "PROSECUTION_SERVICE",
    countryCode,
    source: syntheticSource,
  }));
}

// Populous, well-connected countries get more entries than micro-states, as in real registries.
const countryWeight = (code: string, next: () => number) =>
  (memberships.some((membership) => membership.countryCode === code) ? 4 : 1) * (0.5 + next());

function* contactPointBatches(countryCodes: string[], total: number) {
  const next = seededRandom(11);
  const pick = weightedPicker(next);
  const byCountry = countryCodes.map((code) => [code, countryWeight(code, next)] as [string, number]);
  const networksOf = new Map(
    countryCodes.map((code) => [
      code,
      memberships.filter((membership) => membership.countryCode === code).map((membership) => membership.networkId),
    ]),
  );
  const kinds: [string, number][] = [
    ["NETWORK_CONTACT_POINT", 60],
    ["TWENTY_FOUR_SEVEN", 15],
    ["CENTRAL_AUTHORITY_MLA", 10],
    ["EXTRADITION", 5],
    ["NATIONAL_CORRESPONDENT", 10],
  ];
  const now = Date.now();
  for (let start = 0; start < total; start += 10_000) {
    const batch: Record<string, unknown>[] = [];
    for (let index = start; index < Math.min(total, start + 10_000); index += 1) {
      const countryCode = pick(byCountry);
      const kind = pick(kinds);
      const networks = networksOf.get(countryCode)!;
      const networkId =
        kind === "NETWORK_CONTACT_POINT" && networks.length > 0
          ? networks[Math.floor(next() * networks.length)]
          : kind === "TWENTY_FOUR_SEVEN"
            ? "coe-24-7"
            : null;
      const twentyFourSeven = kind === "TWENTY_FOUR_SEVEN";
      // One in five has been replaced by a later entry: history the current-only filters must skip.
      const replaced = next() < 0.2;
      const id = `bench-cp-${String(index).padStart(7, "0")}`;
      batch.push({
        id,
        kind,
        networkId,
        countryCode,
        authorityId: benchAuthorityId(countryCode),
        // Designations outside a network name an institution; persons are known inside a network only.
        institution: networkId
          ? null
          : `Synthetic ${kind.toLowerCase().replace(/_/g, " ")} office of ${countryCode} (benchmark data)`,
        personName: networkId ? `Synthetic Person ${index} (fictional)` : null,
        personTitle: networkId ? "Prosecutor (fictional)" : null,
        email: `${id}@contact-point.example`,
        phone: `+000 555 ${String(index % 10_000).padStart(4, "0")}`,
        secureChannel: null,
        languages: languagesOf(countryCode),
        twentyFourSeven,
        officeDays: twentyFourSeven ? [] : [1, 2, 3, 4, 5],
        opensAt: twentyFourSeven ? null : "09:00",
        closesAt: twentyFourSeven ? null : "17:00",
        timeZone: timeZoneOf(countryCode),
        validFrom: new Date(now - (400 + Math.floor(next() * 2_000)) * 86_400_000),
        validTo: replaced ? new Date(now - Math.floor(next() * 300) * 86_400_000) : null,
        replacedById: null,
        lastVerifiedAt: new Date(now - Math.floor(next() * 700) * 86_400_000),
        lastVerifiedBy: "bench",
        source: syntheticSource,
      });
    }
    yield batch;
  }
}

function* eventBatches(countryCodes: string[], total: number) {
  const next = seededRandom(13);
  const pick = weightedPicker(next);
  const byCountry = countryCodes.map((code) => [code, countryWeight(code, next)] as [string, number]);
  const networkIds = [...new Set(memberships.map((membership) => membership.networkId))];
  const kinds: [string, number][] = [
    ["WORKSHOP", 35],
    ["WEBINAR", 20],
    ["TRAINING", 20],
    ["CONFERENCE", 10],
    ["PLENARY", 5],
    ["STUDY_VISIT", 5],
    ["STEERING_COMMITTEE", 5],
  ];
  // Ten years back to three ahead: most are over, a good share are upcoming.
  const firstDay = DateTime.utc().minus({ years: 10 }).startOf("day");
  const spanDays = 13 * 365;
  for (let start = 0; start < total; start += 5_000) {
    const batch: Record<string, unknown>[] = [];
    for (let index = start; index < Math.min(total, start + 5_000); index += 1) {
      const countryCode = pick(byCountry);
      const online = next() < 0.25;
      const timeZone = online ? "UTC" : timeZoneOf(countryCode);
      const first = firstDay.plus({ days: Math.floor(next() * spanDays) });
      const kind = pick(kinds);
      const title = `Synthetic ${kind.toLowerCase().replace(/_/g, " ")} ${index} (benchmark data)`;
      const participating = Array.from({ length: Math.floor(next() * 6) }, () => pick(byCountry));
      batch.push({
        id: `bench-event-${String(index).padStart(6, "0")}`,
        kind,
        title,
        description: null,
        ...dayRange(first.toISODate(), first.plus({ days: Math.floor(next() * 4) }).toISODate(), timeZone),
        timeZone,
        datePrecision: "DAY",
        online,
        city: null,
        countryCode: online ? null : countryCode,
        organisers: ["Synthetic organiser (benchmark data)"],
        networkIds: next() < 0.5 ? [networkIds[Math.floor(next() * networkIds.length)]] : [],
        project: null,
        participatingCountries: [...new Set(participating)],
        participantsCount: 10 + Math.floor(next() * 150),
        visibility: next() < 0.9 ? "PUBLIC" : "MEMBERS",
        source: syntheticSource,
        searchText: foldForSearch(title),
      });
    }
    yield batch;
  }
}

/** Requests and their status history, generated in chunks so a million requests never sit in memory at once. */
function requestTables(countryCodes: string[], total: number): SyntheticTable[] {
  const chunk = 10_000;
  const authorities = countryCodes.map((countryCode) => ({ id: benchAuthorityId(countryCode), countryCode }));
  // Three years up to today, so some preservations are still running and some expire soon.
  const start = DateTime.utc().minus({ months: 36 }).startOf("day").toJSDate();
  const chunkOf = (first: number) => {
    const generated = syntheticRequests({
      count: Math.min(chunk, total - first),
      authorities,
      start,
      months: 36,
      seed: 1_000 + first / chunk,
    });
    const requestIds = new Map(
      generated.requests.map((request) => [request.id as string, `bench-${request.id as string}`]),
    );
    return {
      requests: generated.requests.map((request) => ({ ...request, id: requestIds.get(request.id as string) })),
      events: generated.events.map((event) => ({
        ...event,
        id: `bench-${event.id as string}`,
        requestId: requestIds.get(event.requestId as string),
      })),
    };
  };
  // Each chunk is generated twice (once per table) rather than held: the generator is fast, memory is not free.
  return [
    {
      table: "CooperationRequest",
      total,
      *batches() {
        for (let first = 0; first < total; first += chunk) yield chunkOf(first).requests;
      },
    },
    // About 3.6 status changes per request; the bar's total is an estimate.
    {
      table: "RequestEvent",
      total: Math.round(total * 3.6),
      *batches() {
        for (let first = 0; first < total; first += chunk) yield chunkOf(first).events;
      },
    },
  ];
}
