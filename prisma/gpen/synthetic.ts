import type { Prisma } from "./generated/client";

/**
 * Visibly synthetic forum threads for tests and benchmarks (never in the default seed, which holds no forum content):
 * titles "Synthetic thread …", authors "synthetic-member-…" named "Synthetic Member … (fictional)", bodies of stock
 * phrases. Deterministic for a given seed; every time is computed from `end` (pass the clock's now), so the rows
 * hold on any date. Replies are numbered 1, 2, … per thread and each thread's counts and last activity agree with them.
 */
export interface SyntheticForumOptions {
  threads: number;
  /** Most replies per thread (each thread gets 0 to this many). */
  maxReplies: number;
  /** Threads are started within `days` days before `end`, replies after their thread and before `end`. */
  end: Date;
  days?: number;
  authors?: number;
  seed?: number;
  /** Prefix of the ids, so that several sets can live side by side. */
  idPrefix?: string;
}

export interface SyntheticForum {
  threads: Prisma.ForumThreadCreateManyInput[];
  replies: Prisma.ForumReplyCreateManyInput[];
}

const topics = [
  "preservation of cloud data",
  "subscriber information from a foreign provider",
  "cryptocurrency tracing",
  "ransomware negotiation logs",
  "electronic evidence admissibility",
  "joint investigation teams",
  "emergency disclosure requests",
  "domain name seizure",
];
const phrases = [
  "Has anyone dealt with this before?",
  "Our practice is to send a preservation request first.",
  "The provider answered within ten days in our last case.",
  "Check the 24/7 network contact point of the country.",
  "A mutual legal assistance request followed the preservation.",
  "This is synthetic text for tests and benchmarks.",
];
const hour = 3_600_000;

/** mulberry32: a small, fast, seedable PRNG. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticForum(options: SyntheticForumOptions): SyntheticForum {
  const { threads: count, maxReplies, end, days = 90, authors = 25, seed = 1, idPrefix = "synthetic" } = options;
  const random = seededRandom(seed);
  const pick = <Value>(values: readonly Value[]): Value => values[Math.floor(random() * values.length)];
  const author = () => {
    const number = 1 + Math.floor(random() * authors);
    return { authorSub: `synthetic-member-${number}`, authorName: `Synthetic Member ${number} (fictional)` };
  };
  const threads: SyntheticForum["threads"] = [];
  const replies: SyntheticForum["replies"] = [];
  const span = days * 24 * hour;
  for (let index = 1; index <= count; index += 1) {
    const id = `${idPrefix}-thread-${index}`;
    const topic = pick(topics);
    const createdAt = new Date(end.getTime() - span + Math.floor(random() * (span - hour)));
    const replyCount = Math.floor(random() * (maxReplies + 1));
    let at = createdAt;
    for (let position = 1; position <= replyCount; position += 1) {
      const step = Math.max(1000, Math.floor(random() * ((end.getTime() - at.getTime()) / 4)));
      at = new Date(Math.min(end.getTime() - 1, at.getTime() + step));
      replies.push({
        id: `${id}-reply-${position}`,
        threadId: id,
        position,
        body: `Synthetic reply ${position} about ${topic}. ${pick(phrases)}`,
        ...author(),
        createdAt: at,
      });
    }
    threads.push({
      id,
      title: `Synthetic thread ${index}: ${topic}`,
      body: `Synthetic question ${index} about ${topic}. ${pick(phrases)} ${pick(phrases)}`,
      ...author(),
      createdAt,
      lastActivityAt: at,
      replyCount,
    });
  }
  return { threads, replies };
}
