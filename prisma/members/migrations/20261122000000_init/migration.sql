-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "Region" AS ENUM ('AFRICA', 'ANTARCTICA', 'ASIA', 'EUROPE', 'NORTH_AMERICA', 'OCEANIA', 'SOUTH_AMERICA');

-- CreateEnum
CREATE TYPE "Treaty" AS ENUM ('BUDAPEST_CONVENTION', 'SECOND_ADDITIONAL_PROTOCOL');

-- CreateEnum
CREATE TYPE "TreatyStatusKind" AS ENUM ('PARTY', 'SIGNATORY', 'INVITED');

-- CreateEnum
CREATE TYPE "AuthorityKind" AS ENUM ('PROSECUTION_SERVICE', 'MINISTRY_OF_JUSTICE', 'POLICE', 'COURT', 'OTHER');

-- CreateEnum
CREATE TYPE "MembershipRole" AS ENUM ('MEMBER', 'OBSERVER', 'BOARD');

-- CreateTable
CREATE TABLE "Network" (
    "id" TEXT NOT NULL,
    "acronym" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameFr" TEXT,
    "nameEs" TEXT,
    "namePt" TEXT,
    "description" TEXT NOT NULL,
    "established" DATE,
    "establishedPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "host" TEXT,
    "website" TEXT,
    "source" TEXT NOT NULL,

    CONSTRAINT "Network_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Country" (
    "code" CHAR(2) NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEs" TEXT NOT NULL,
    "namePt" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "region" "Region",

    CONSTRAINT "Country_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "TreatyParticipation" (
    "countryCode" CHAR(2) NOT NULL,
    "treaty" "Treaty" NOT NULL,
    "status" "TreatyStatusKind" NOT NULL,
    "signedOn" DATE,
    "ratifiedOn" DATE,
    "inForceOn" DATE,
    "source" TEXT NOT NULL,

    CONSTRAINT "TreatyParticipation_pkey" PRIMARY KEY ("countryCode","treaty")
);

-- CreateTable
CREATE TABLE "Authority" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AuthorityKind" NOT NULL,
    "countryCode" CHAR(2) NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "Authority_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,
    "countryCode" CHAR(2) NOT NULL,
    "authorityId" TEXT,
    "role" "MembershipRole" NOT NULL,
    "since" DATE,
    "until" DATE,
    "source" TEXT NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Country_nameEn_idx" ON "Country"("nameEn");

-- CreateIndex
CREATE INDEX "TreatyParticipation_treaty_status_idx" ON "TreatyParticipation"("treaty", "status");

-- CreateIndex
CREATE INDEX "Authority_countryCode_idx" ON "Authority"("countryCode");

-- CreateIndex
CREATE INDEX "Membership_networkId_countryCode_idx" ON "Membership"("networkId", "countryCode");

-- CreateIndex
CREATE INDEX "Membership_countryCode_idx" ON "Membership"("countryCode");

-- CreateIndex
CREATE INDEX "Membership_authorityId_idx" ON "Membership"("authorityId");

-- AddForeignKey
ALTER TABLE "TreatyParticipation" ADD CONSTRAINT "TreatyParticipation_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Authority" ADD CONSTRAINT "Authority_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE SET NULL ON UPDATE CASCADE;

