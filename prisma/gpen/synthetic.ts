import type { Prisma } from "./generated/client";

/**
 * Visibly synthetic forum threads for tests and benchmarks (never in the default seed, which holds no forum content):
 * titles "Synthetic thread …", authors "synthetic-member-…" named "Synthetic Member … (fictional)", bodies of stock
 * phrases. Deterministic for a given seed; every time is computed from `end` (pass the clock's now), so the rows
 * hold on any date. Replies are numbered 1, 2, … per thread and each thread's counts and last activity agree with them;
 * so do its answer and moderation log, when asked for ("Synthetic Moderator (fictional)" hides posts).
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
  /** Share of the threads with replies whose author marked one of them as the answer (default none). */
  answeredShare?: number;
  /** Share of the opening posts and of the replies a moderator hid, each with its entry in the log (default none). */
  hiddenShare?: number;
}

export interface SyntheticForum {
  threads: Prisma.ForumThreadCreateManyInput[];
  replies: Prisma.ForumReplyCreateManyInput[];
  moderation: Prisma.ForumModerationActionCreateManyInput[];
}

const moderator = { actorSub: "synthetic-moderator", actorName: "Synthetic Moderator (fictional)" };
// Every row carries every column, as a bulk insert of rows with one column list wants.
const shown = { hidden: false, hiddenReason: null, hiddenAt: null, hiddenBySub: null, hiddenByName: null };

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
  const { answeredShare = 0, hiddenShare = 0 } = options;
  const random = seededRandom(seed);
  const pick = <Value>(values: readonly Value[]): Value => values[Math.floor(random() * values.length)];
  const author = () => {
    const number = 1 + Math.floor(random() * authors);
    return { authorSub: `synthetic-member-${number}`, authorName: `Synthetic Member ${number} (fictional)` };
  };
  const threads: SyntheticForum["threads"] = [];
  const replies: SyntheticForum["replies"] = [];
  const moderation: SyntheticForum["moderation"] = [];
  // Drawn only when asked for, so that the sets without answers or moderation stay the same for a given seed.
  const chance = (share: number) => share > 0 && random() < share;
  const span = days * 24 * hour;
  for (let index = 1; index <= count; index += 1) {
    const id = `${idPrefix}-thread-${index}`;
    const topic = pick(topics);
    const createdAt = new Date(end.getTime() - span + Math.floor(random() * (span - hour)));
    const replyCount = Math.floor(random() * (maxReplies + 1));
    const own: SyntheticForum["replies"] = [];
    let at = createdAt;
    for (let position = 1; position <= replyCount; position += 1) {
      const step = Math.max(1000, Math.floor(random() * ((end.getTime() - at.getTime()) / 4)));
      at = new Date(Math.min(end.getTime() - 1, at.getTime() + step));
      own.push({
        id: `${id}-reply-${position}`,
        threadId: id,
        position,
        body: `Synthetic reply ${position} about ${topic}. ${pick(phrases)}`,
        ...author(),
        createdAt: at,
        ...shown,
      });
    }
    const thread: SyntheticForum["threads"][number] = {
      id,
      title: `Synthetic thread ${index}: ${topic}`,
      body: `Synthetic question ${index} about ${topic}. ${pick(phrases)} ${pick(phrases)}`,
      ...author(),
      createdAt,
      lastActivityAt: at,
      replyCount,
      moderationCount: 0,
      answerReplyId: null,
      answeredAt: null,
      answeredBySub: null,
      version: 1,
      ...shown,
    };
    // After the thread's last activity: when its author marked the answer, then when a moderator acted.
    let version = 1;
    let actions = 0;
    if (replyCount > 0 && chance(answeredShare)) {
      const answer = own[Math.floor(random() * replyCount)];
      version += 1;
      Object.assign(thread, { answerReplyId: answer.id, answeredAt: at, answeredBySub: thread.authorSub });
    }
    const hide = (replyId: string | null) => {
      const hiddenAt = new Date(at.getTime() + Math.floor((end.getTime() - at.getTime()) / 2));
      const reason = "Synthetic moderation (test and benchmark data)";
      actions += 1;
      moderation.push({
        id: `${id}-moderation-${actions}`,
        threadId: id,
        position: actions,
        replyId,
        kind: "HIDE",
        reason,
        ...moderator,
        at: hiddenAt,
      });
      version += 1;
      return {
        hidden: true,
        hiddenReason: reason,
        hiddenAt,
        hiddenBySub: moderator.actorSub,
        hiddenByName: moderator.actorName,
      };
    };
    if (chance(hiddenShare)) Object.assign(thread, hide(null));
    for (const reply of own) if (chance(hiddenShare)) Object.assign(reply, hide(reply.id));
    Object.assign(thread, { version, moderationCount: actions });
    threads.push(thread);
    replies.push(...own);
  }
  return { threads, replies, moderation };
}
