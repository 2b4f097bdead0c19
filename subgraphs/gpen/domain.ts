import { isMemberOf, isNetworkAdmin, type Viewer } from "../../common/auth";
import { badUserInput } from "../../common/errors";
import { optionalText, requiredText, searchWords } from "../../common/validation";

/** The network whose forum this subgraph holds. */
export const forumNetworkId = "gpen";

/** GPEN members (any role) read and write in the forum; nobody else reads anything but that it exists. */
export const isForumMember = (viewer: Viewer | null) => isMemberOf(viewer, forumNetworkId);

/** GPEN admins moderate: they hide and unhide posts, read hidden content and the moderation log. */
export const isForumModerator = (viewer: Viewer | null) => isNetworkAdmin(viewer, forumNetworkId);

export const readForum = "read the GPEN forum (GPEN members only)";
export const writeForum = "write in the GPEN forum (GPEN members only)";
export const moderateForum = "moderate the GPEN forum (GPEN admins only)";

export const maxTitle = 200;
export const maxBody = 20_000;
export const maxReason = 1000;

/** A new thread as it is stored: text trimmed and bounded; errors name the field. */
export function checkNewThread(input: { title: string; body: string }) {
  return {
    title: requiredText(input.title, "input.title", maxTitle),
    body: requiredText(input.body, "input.body", maxBody),
  };
}

export const checkReplyBody = (body: string) => requiredText(body, "body", maxBody);
export const checkHideReason = (reason: string) => requiredText(reason, "reason", maxReason);
export const checkUnhideReason = (reason: string | null | undefined) => optionalText(reason, "reason", maxReason);

/**
 * A search as a PostgreSQL full-text query in the 'simple' configuration: the words of the search (letters and
 * digits; anything else separates words), each as a prefix, all of them required. At most `maxSearchLength`
 * characters (common/validation.ts); null when nothing searchable is left, which filters nothing. Only letters and
 * digits reach `to_tsquery`, so no input can be read as its operators.
 */
export function fullTextQuery(search: string, field: string): string | null {
  // searchWords bounds the length with the graph's one message; its LIKE escapes are dropped with the other signs.
  const words = searchWords(search, field, (text) => text.toLowerCase())
    .flatMap((word) => word.split(/[^\p{L}\p{N}]+/u))
    .filter(Boolean);
  return words.length === 0 ? null : [...new Set(words)].map((word) => `${word}:*`).join(" & ");
}

/** The position after which a page of a positioned list (replies, moderation log) starts: 0 for the first page. */
export function parsePositionKey(afterKey: string | undefined): number {
  if (afterKey === undefined) return 0;
  const position = Number(afterKey);
  if (!/^[1-9]\d{0,9}$/.test(afterKey) || !Number.isSafeInteger(position))
    throw badUserInput("after is not a cursor of this list", "after");
  return position;
}
