-- CreateEnum
CREATE TYPE "ProductKind" AS ENUM ('GUIDE', 'JUDICIAL_MONITOR', 'REPORT', 'TRAINING_NEEDS_ANALYSIS', 'OTHER');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "RestrictedMaterialKind" AS ENUM ('LEGISLATION', 'JUDGMENT', 'CASE');

-- CreateTable
CREATE TABLE "WorkProgramme" (
    "id" TEXT NOT NULL,
    "fromYear" INTEGER NOT NULL,
    "toYear" INTEGER NOT NULL,
    "periodInferred" BOOLEAN NOT NULL,
    "adoptedAtEventId" TEXT,
    "topics" TEXT[],
    "source" TEXT NOT NULL,

    CONSTRAINT "WorkProgramme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Trio" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "Trio_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Presidency" (
    "semester" TEXT NOT NULL,
    "countryCode" CHAR(2) NOT NULL,
    "trioId" TEXT NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "Presidency_pkey" PRIMARY KEY ("semester")
);

-- CreateTable
CREATE TABLE "OutcomeReport" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publishedOn" DATE,
    "url" TEXT,
    "summary" TEXT,
    "source" TEXT NOT NULL,

    CONSTRAINT "OutcomeReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL,
    "kind" "ProductKind" NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "publishedOn" DATE,
    "publishedPrecision" "DatePrecision",
    "url" TEXT,
    "presentedAtEventId" TEXT,
    "source" TEXT NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RestrictedMaterial" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "kind" "RestrictedMaterialKind" NOT NULL,
    "countryCode" CHAR(2) NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "reference" TEXT,
    "url" TEXT,
    "addedBy" TEXT NOT NULL,
    "addedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RestrictedMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorkProgramme_fromYear_idx" ON "WorkProgramme"("fromYear");

-- CreateIndex
CREATE INDEX "Presidency_countryCode_idx" ON "Presidency"("countryCode");

-- CreateIndex
CREATE INDEX "Presidency_trioId_idx" ON "Presidency"("trioId");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeReport_eventId_key" ON "OutcomeReport"("eventId");

-- CreateIndex
CREATE INDEX "Product_publishedOn_id_idx" ON "Product"("publishedOn", "id");

-- CreateIndex
CREATE INDEX "RestrictedMaterial_eventId_addedAt_idx" ON "RestrictedMaterial"("eventId", "addedAt");

-- AddForeignKey
ALTER TABLE "Presidency" ADD CONSTRAINT "Presidency_trioId_fkey" FOREIGN KEY ("trioId") REFERENCES "Trio"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

