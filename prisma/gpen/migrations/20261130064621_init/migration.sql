-- CreateEnum
CREATE TYPE "ForumModerationKind" AS ENUM ('HIDE', 'UNHIDE');

-- CreateTable
CREATE TABLE "ForumThread" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "authorSub" TEXT NOT NULL,
    "authorName" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "lastActivityAt" TIMESTAMPTZ(3) NOT NULL,
    "replyCount" INTEGER NOT NULL DEFAULT 0,
    "moderationCount" INTEGER NOT NULL DEFAULT 0,
    "answerReplyId" TEXT,
    "answeredAt" TIMESTAMPTZ(3),
    "answeredBySub" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "hiddenReason" TEXT,
    "hiddenAt" TIMESTAMPTZ(3),
    "hiddenBySub" TEXT,
    "hiddenByName" TEXT,

    CONSTRAINT "ForumThread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForumReply" (
    "id" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "authorSub" TEXT NOT NULL,
    "authorName" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "hiddenReason" TEXT,
    "hiddenAt" TIMESTAMPTZ(3),
    "hiddenBySub" TEXT,
    "hiddenByName" TEXT,

    CONSTRAINT "ForumReply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForumModerationAction" (
    "id" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "replyId" TEXT,
    "kind" "ForumModerationKind" NOT NULL,
    "reason" TEXT,
    "actorSub" TEXT NOT NULL,
    "actorName" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ForumModerationAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForumSubscription" (
    "threadId" TEXT NOT NULL,
    "subscriberSub" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ForumSubscription_pkey" PRIMARY KEY ("threadId","subscriberSub")
);

-- CreateIndex
CREATE UNIQUE INDEX "ForumThread_answerReplyId_key" ON "ForumThread"("answerReplyId");

-- CreateIndex
CREATE INDEX "ForumThread_lastActivityAt_id_idx" ON "ForumThread"("lastActivityAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ForumReply_threadId_position_key" ON "ForumReply"("threadId", "position");

-- CreateIndex
CREATE INDEX "ForumModerationAction_replyId_idx" ON "ForumModerationAction"("replyId");

-- CreateIndex
CREATE UNIQUE INDEX "ForumModerationAction_threadId_position_key" ON "ForumModerationAction"("threadId", "position");

-- CreateIndex
CREATE INDEX "ForumSubscription_subscriberSub_idx" ON "ForumSubscription"("subscriberSub");

-- AddForeignKey
ALTER TABLE "ForumThread" ADD CONSTRAINT "ForumThread_answerReplyId_fkey" FOREIGN KEY ("answerReplyId") REFERENCES "ForumReply"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumReply" ADD CONSTRAINT "ForumReply_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "ForumThread"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumModerationAction" ADD CONSTRAINT "ForumModerationAction_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "ForumThread"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumModerationAction" ADD CONSTRAINT "ForumModerationAction_replyId_fkey" FOREIGN KEY ("replyId") REFERENCES "ForumReply"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumSubscription" ADD CONSTRAINT "ForumSubscription_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "ForumThread"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- An answer and a moderation action name a reply of their own thread.
CREATE UNIQUE INDEX "ForumReply_id_threadId_key" ON "ForumReply"("id", "threadId");
ALTER TABLE "ForumThread" ADD CONSTRAINT "ForumThread_answer_of_thread_fkey"
  FOREIGN KEY ("answerReplyId", "id") REFERENCES "ForumReply"("id", "threadId");
ALTER TABLE "ForumModerationAction" ADD CONSTRAINT "ForumModerationAction_reply_of_thread_fkey"
  FOREIGN KEY ("replyId", "threadId") REFERENCES "ForumReply"("id", "threadId");

-- Search over titles and bodies: full text in the 'simple' configuration (every language, no stemming). The
-- subgraph's search statement (subgraphs/gpen/visibility.ts) uses these exact expressions, so these indexes serve it.
CREATE INDEX "ForumThread_search_idx" ON "ForumThread" USING GIN (to_tsvector('simple', "title" || ' ' || "body"));
CREATE INDEX "ForumReply_search_idx" ON "ForumReply" USING GIN (to_tsvector('simple', "body"));

-- The moderation audit trail is append-only: no update or delete, whoever asks.
CREATE FUNCTION "forum_moderation_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'ForumModerationAction is append-only';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ForumModerationAction_append_only" BEFORE UPDATE OR DELETE ON "ForumModerationAction"
  FOR EACH ROW EXECUTE FUNCTION "forum_moderation_append_only"();
CREATE TRIGGER "ForumModerationAction_no_truncate" BEFORE TRUNCATE ON "ForumModerationAction"
  FOR EACH STATEMENT EXECUTE FUNCTION "forum_moderation_append_only"();
