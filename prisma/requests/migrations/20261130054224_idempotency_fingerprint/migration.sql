-- AlterTable
ALTER TABLE "CooperationRequest" ADD COLUMN     "idempotencyFingerprint" TEXT;

