-- CreateEnum
CREATE TYPE "NotificationEvent" AS ENUM ('SENT', 'ACKNOWLEDGED', 'EXECUTED', 'PARTIALLY_EXECUTED', 'REFUSED', 'WITHDRAWN', 'PRESERVATION_ENDING');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('EMAIL', 'WEBHOOK');

-- CreateEnum
CREATE TYPE "DeliveryState" AS ENUM ('PENDING', 'DELIVERED', 'PARKED');

-- CreateTable
CREATE TABLE "NotificationSettings" (
    "authorityId" TEXT NOT NULL,
    "emails" TEXT[],
    "webhookUrl" TEXT,
    "webhookSecret" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "NotificationSettings_pkey" PRIMARY KEY ("authorityId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "event" "NotificationEvent" NOT NULL,
    "requestVersion" INTEGER NOT NULL,
    "recipientAuthorityId" TEXT NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "target" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "state" "DeliveryState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "claimedUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "deliveredAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PreservationReminder" (
    "requestId" TEXT NOT NULL,
    "preservedUntil" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PreservationReminder_pkey" PRIMARY KEY ("requestId","preservedUntil")
);

-- CreateIndex
CREATE UNIQUE INDEX "Notification_idempotencyKey_key" ON "Notification"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Notification_state_nextAttemptAt_idx" ON "Notification"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Notification_requestId_idx" ON "Notification"("requestId");

-- CreateIndex
CREATE INDEX "Notification_recipientAuthorityId_state_idx" ON "Notification"("recipientAuthorityId", "state");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "CooperationRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

