-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,
    "countryCode" CHAR(2),
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notice_networkId_publishedAt_idx" ON "Notice"("networkId", "publishedAt");

-- CreateIndex
CREATE INDEX "Notice_publishedAt_id_idx" ON "Notice"("publishedAt", "id");

