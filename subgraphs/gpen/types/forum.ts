import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "../../../common/scalars";
import { ForumModerationKind } from "../../../prisma/gpen/generated/enums";

export { ForumModerationKind };
registerEnumType(ForumModerationKind, {
  name: "ForumModerationKind",
  description: "What a moderator did to a post.",
  valuesConfig: {
    HIDE: { description: "Hid the post's text from members (it stays in place as a marker)." },
    UNHIDE: { description: "Showed a hidden post again." },
  },
});

@ObjectType("ForumAuthor", {
  description: "Who wrote or acted: the `sub` and `name` of the token they used at the time, and nothing else.",
})
export class ForumAuthor {
  @Field(() => ID)
  sub!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;
}

@ObjectType("Forum", {
  description:
    "A network's forum of queries and advice among its members. Anyone may see that it exists; only the network's members read it.",
})
export class Forum {
  networkId!: string;
}

/** What threads and replies store about their moderation (visible to GPEN admins only). */
interface Moderated {
  hidden: boolean;
  hiddenReason: string | null;
  hiddenAt: Date | null;
  hiddenBySub: string | null;
  hiddenByName: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType("ForumThread", {
  description:
    "A thread of the GPEN forum: a query or piece of advice and its replies. Only GPEN members read it (null to anyone else, also through _entities).",
})
export class ForumThread implements Moderated {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: "Null when hidden by the moderators, except to GPEN admins." })
  title!: string | null;

  @Field(() => String, { nullable: true, description: "Null when hidden by the moderators, except to GPEN admins." })
  body!: string | null;

  @Field(() => DateTimeISOResolver)
  createdAt!: Date;

  @Field(() => DateTimeISOResolver, { description: "When it was started or last replied to." })
  lastActivityAt!: Date;

  @Field(() => Int, { description: "Its replies, hidden ones included." })
  replyCount!: number;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "When its answer was last marked." })
  answeredAt!: Date | null;

  @Field(() => Int, {
    description:
      "Changes with every change of the thread's own state (its answer, moderation of it or its replies); pass it as expectedVersion.",
  })
  version!: number;

  @Field(() => Boolean, {
    description: "Hidden by the moderators: members see it in place, without its title and body.",
  })
  hidden!: boolean;

  authorSub!: string;
  authorName!: string | null;
  answerReplyId!: string | null;
  moderationCount!: number;
  hiddenReason!: string | null;
  hiddenAt!: Date | null;
  hiddenBySub!: string | null;
  hiddenByName!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType("ForumReply", {
  description:
    "A reply in a GPEN forum thread. Only GPEN members read it (null to anyone else, also through _entities).",
})
export class ForumReply implements Moderated {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: "1 for the thread's first reply, 2 for the next, …" })
  position!: number;

  @Field(() => String, { nullable: true, description: "Null when hidden by the moderators, except to GPEN admins." })
  body!: string | null;

  @Field(() => DateTimeISOResolver)
  createdAt!: Date;

  @Field(() => Boolean, { description: "Hidden by the moderators: members see it in place, without its body." })
  hidden!: boolean;

  threadId!: string;
  authorSub!: string;
  authorName!: string | null;
  hiddenReason!: string | null;
  hiddenAt!: Date | null;
  hiddenBySub!: string | null;
  hiddenByName!: string | null;
}

@ObjectType("ForumModerationAction", {
  description: "One entry of a thread's moderation log: append-only, read by GPEN admins only.",
})
export class ForumModerationAction {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: "1, 2, … within the thread's log, in the order the actions took effect." })
  position!: number;

  @Field(() => ForumModerationKind)
  kind!: ForumModerationKind;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => DateTimeISOResolver)
  at!: Date;

  threadId!: string;
  replyId!: string | null;
  actorSub!: string;
  actorName!: string | null;
}

@InputType("StartForumThreadInput")
export class StartForumThreadInput {
  @Field(() => String, { description: "1 to 200 characters." })
  title!: string;

  @Field(() => String, { description: "1 to 20 000 characters." })
  body!: string;
}
