-- AlterEnum: every country gets a stored status with its source; NONE is sourced, UNKNOWN says why not.
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TreatyStatusKind" ADD VALUE 'NONE';
ALTER TYPE "TreatyStatusKind" ADD VALUE 'UNKNOWN';

