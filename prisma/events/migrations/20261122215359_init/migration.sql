-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('PLENARY', 'ANNUAL_MEETING', 'CONFERENCE', 'WORKSHOP', 'WEBINAR', 'TRAINING', 'STUDY_VISIT', 'STEERING_COMMITTEE');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('PUBLIC', 'MEMBERS');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('AGENDA', 'PARTICIPANT_LIST', 'PRESENTATIONS', 'OUTCOME_REPORT', 'PAGE', 'OTHER');

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "kind" "EventKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "datePrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "online" BOOLEAN NOT NULL DEFAULT false,
    "city" TEXT,
    "countryCode" CHAR(2),
    "organisers" TEXT[],
    "networkIds" TEXT[],
    "project" TEXT,
    "participatingCountries" TEXT[],
    "participantsCount" INTEGER,
    "visibility" "Visibility" NOT NULL DEFAULT 'PUBLIC',
    "source" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventDocument" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "title" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "url" TEXT,

    CONSTRAINT "EventDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Event_startsAt_id_idx" ON "Event"("startsAt", "id");

-- CreateIndex
CREATE INDEX "Event_project_idx" ON "Event"("project");

-- CreateIndex
CREATE INDEX "Event_countryCode_idx" ON "Event"("countryCode");

-- CreateIndex
CREATE INDEX "EventDocument_eventId_idx" ON "EventDocument"("eventId");

-- AddForeignKey
ALTER TABLE "EventDocument" ADD CONSTRAINT "EventDocument_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Events by network and by participating country: array containment needs GIN indexes (Prisma cannot declare them).
CREATE INDEX "Event_networkIds_idx" ON "Event" USING GIN ("networkIds");
CREATE INDEX "Event_participatingCountries_idx" ON "Event" USING GIN ("participatingCountries");
