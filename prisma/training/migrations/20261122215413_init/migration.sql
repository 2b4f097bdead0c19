-- CreateEnum
CREATE TYPE "CourseLevel" AS ENUM ('BASIC', 'ADVANCED', 'TRAINING_OF_TRAINERS', 'FIRST_RESPONDER');

-- CreateEnum
CREATE TYPE "Audience" AS ENUM ('JUDGES', 'PROSECUTORS', 'LAW_ENFORCEMENT');

-- CreateEnum
CREATE TYPE "MaterialKind" AS ENUM ('TRAINING_MANUAL', 'CONCEPT_PAPER', 'GUIDELINES', 'GUIDE', 'COURSE_PAGE', 'OTHER');

-- CreateTable
CREATE TABLE "Course" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "level" "CourseLevel" NOT NULL,
    "audiences" "Audience"[],
    "modules" TEXT[],
    "languages" TEXT[],
    "provider" TEXT NOT NULL,
    "project" TEXT,
    "networkIds" TEXT[],
    "online" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,

    CONSTRAINT "Course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingSession" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "online" BOOLEAN NOT NULL DEFAULT false,
    "city" TEXT,
    "countryCode" CHAR(2),
    "participatingCountries" TEXT[],
    "trainers" TEXT[],
    "participantsCount" INTEGER,
    "eventId" TEXT,
    "source" TEXT NOT NULL,

    CONSTRAINT "TrainingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Material" (
    "id" TEXT NOT NULL,
    "courseId" TEXT,
    "translationGroup" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "MaterialKind" NOT NULL,
    "language" TEXT NOT NULL,
    "url" TEXT,
    "source" TEXT NOT NULL,

    CONSTRAINT "Material_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Course_level_idx" ON "Course"("level");

-- CreateIndex
CREATE INDEX "Course_project_idx" ON "Course"("project");

-- CreateIndex
CREATE INDEX "TrainingSession_courseId_startsAt_idx" ON "TrainingSession"("courseId", "startsAt");

-- CreateIndex
CREATE INDEX "TrainingSession_countryCode_idx" ON "TrainingSession"("countryCode");

-- CreateIndex
CREATE INDEX "Material_courseId_idx" ON "Material"("courseId");

-- CreateIndex
CREATE INDEX "Material_translationGroup_idx" ON "Material"("translationGroup");

-- AddForeignKey
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Material" ADD CONSTRAINT "Material_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Courses by network and sessions by participating country: GIN indexes for array containment.
CREATE INDEX "Course_networkIds_idx" ON "Course" USING GIN ("networkIds");
CREATE INDEX "TrainingSession_participatingCountries_idx" ON "TrainingSession" USING GIN ("participatingCountries");
