-- CreateEnum
CREATE TYPE "MembershipChangeAction" AS ENUM ('ADDED', 'ENDED');

-- CreateTable
CREATE TABLE "MembershipChange" (
    "id" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,
    "action" "MembershipChangeAction" NOT NULL,
    "actorSub" TEXT NOT NULL,
    "actorName" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "membership" JSONB NOT NULL,

    CONSTRAINT "MembershipChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MembershipChange_networkId_at_idx" ON "MembershipChange"("networkId", "at");

-- At most one open membership per network, country and role (Prisma's schema language cannot say "WHERE").
CREATE UNIQUE INDEX "Membership_open_key" ON "Membership"("networkId", "countryCode", "role") WHERE "until" IS NULL;
