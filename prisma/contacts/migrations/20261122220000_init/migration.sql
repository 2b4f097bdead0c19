-- CreateEnum
CREATE TYPE "ContactPointKind" AS ENUM ('TWENTY_FOUR_SEVEN', 'CENTRAL_AUTHORITY_MLA', 'EXTRADITION', 'NETWORK_CONTACT_POINT', 'NATIONAL_CORRESPONDENT');

-- CreateTable
CREATE TABLE "ContactPoint" (
    "id" TEXT NOT NULL,
    "kind" "ContactPointKind" NOT NULL,
    "networkId" TEXT,
    "countryCode" CHAR(2) NOT NULL,
    "authorityId" TEXT,
    "institution" TEXT,
    "personName" TEXT,
    "personTitle" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "secureChannel" TEXT,
    "languages" TEXT[],
    "twentyFourSeven" BOOLEAN NOT NULL DEFAULT false,
    "officeDays" INTEGER[],
    "opensAt" TEXT,
    "closesAt" TEXT,
    "timeZone" TEXT,
    "validFrom" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validTo" TIMESTAMPTZ(3),
    "replacedById" TEXT,
    "lastVerifiedAt" TIMESTAMPTZ(3),
    "lastVerifiedBy" TEXT,
    "source" TEXT NOT NULL,

    CONSTRAINT "ContactPoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactPoint_countryCode_kind_idx" ON "ContactPoint"("countryCode", "kind");

-- CreateIndex
CREATE INDEX "ContactPoint_networkId_idx" ON "ContactPoint"("networkId");

-- CreateIndex
CREATE INDEX "ContactPoint_authorityId_idx" ON "ContactPoint"("authorityId");

-- CreateIndex
CREATE INDEX "ContactPoint_lastVerifiedAt_idx" ON "ContactPoint"("lastVerifiedAt");

