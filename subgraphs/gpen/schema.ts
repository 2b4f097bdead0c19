import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema, keyOnly } from "../../common/federation";
import type { GpenContext } from "./loaders";
import { ForumResolver, NetworkForumResolver } from "./resolvers/forum";
import { ForumModerationResolver } from "./resolvers/moderation";
import { ForumReplyResolver } from "./resolvers/reply";
import { ForumThreadResolver } from "./resolvers/thread";
import { Network } from "./types/stubs";

/**
 * Entity representations come from the gateway but are untrusted: a thread or reply resolves only for GPEN members
 * (the viewer's client, visibility.ts), a key of the wrong shape resolves to null.
 */
export function buildGpenSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<GpenContext>({
    resolvers: [NetworkForumResolver, ForumResolver, ForumThreadResolver, ForumReplyResolver, ForumModerationResolver],
    orphanedTypes: [Network],
    referenceResolvers: {
      ForumThread: ({ id }, { loaders }) => (typeof id === "string" ? loaders.threadById.load(id) : null),
      ForumReply: ({ id }, { loaders }) => (typeof id === "string" ? loaders.replyById.load(id) : null),
      Network: keyOnly("id"),
    },
  });
}
