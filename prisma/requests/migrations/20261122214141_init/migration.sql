-- CreateEnum
CREATE TYPE "RequestKind" AS ENUM ('PRESERVATION', 'PRESERVATION_EXTENSION', 'TRAFFIC_DATA_PARTIAL_DISCLOSURE', 'MLA_SUBSCRIBER_INFORMATION', 'MLA_STORED_DATA', 'EMERGENCY_DISCLOSURE', 'EMERGENCY_MLA', 'DOMAIN_REGISTRATION_INFORMATION', 'GENERAL_ASSISTANCE');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('DRAFT', 'SENT', 'ACKNOWLEDGED', 'IN_PROGRESS', 'EXECUTED', 'PARTIALLY_EXECUTED', 'REFUSED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "CooperationRequest" (
    "id" TEXT NOT NULL,
    "kind" "RequestKind" NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "requestingAuthorityId" TEXT NOT NULL,
    "requestingCountryCode" CHAR(2) NOT NULL,
    "requestedAuthorityId" TEXT NOT NULL,
    "requestedCountryCode" CHAR(2) NOT NULL,
    "caseReference" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "previousRequestId" TEXT,
    "idempotencyKey" TEXT,
    "createdBy" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "requestedTimeZone" TEXT NOT NULL DEFAULT 'UTC',
    "responseTargetHours" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "acknowledgedAt" TIMESTAMPTZ(3),
    "executedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "responseDueAt" TIMESTAMPTZ(3),
    "preservedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "CooperationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestEvent" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "fromStatus" "RequestStatus",
    "status" "RequestStatus" NOT NULL,
    "version" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorSub" TEXT NOT NULL,
    "actorAuthorityId" TEXT,
    "note" TEXT,

    CONSTRAINT "RequestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PreservationPeriod" (
    "countryCode" CHAR(2) NOT NULL,
    "days" INTEGER NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "PreservationPeriod_pkey" PRIMARY KEY ("countryCode")
);

-- CreateIndex
CREATE INDEX "CooperationRequest_requestingAuthorityId_status_idx" ON "CooperationRequest"("requestingAuthorityId", "status");

-- CreateIndex
CREATE INDEX "CooperationRequest_requestedAuthorityId_status_idx" ON "CooperationRequest"("requestedAuthorityId", "status");

-- CreateIndex
CREATE INDEX "CooperationRequest_previousRequestId_idx" ON "CooperationRequest"("previousRequestId");

-- CreateIndex
CREATE INDEX "CooperationRequest_preservedUntil_idx" ON "CooperationRequest"("preservedUntil");

-- CreateIndex
CREATE INDEX "CooperationRequest_sentAt_idx" ON "CooperationRequest"("sentAt");

-- CreateIndex
CREATE INDEX "CooperationRequest_requestingCountryCode_requestedCountryCo_idx" ON "CooperationRequest"("requestingCountryCode", "requestedCountryCode", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "CooperationRequest_requestingAuthorityId_idempotencyKey_key" ON "CooperationRequest"("requestingAuthorityId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "RequestEvent_requestId_at_idx" ON "RequestEvent"("requestId", "at");

-- AddForeignKey
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "CooperationRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The audit trail is append-only: no update or delete, whoever asks.
CREATE FUNCTION "request_event_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'RequestEvent is append-only';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "RequestEvent_append_only" BEFORE UPDATE OR DELETE ON "RequestEvent"
  FOR EACH ROW EXECUTE FUNCTION "request_event_append_only"();
