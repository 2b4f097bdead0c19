-- AlterTable: a joint activity carries every project (e.g. CyberCrime@IPA and CyberCrime@EAP), the lead one first.
ALTER TABLE "Event" ADD COLUMN     "projects" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Events stored before this migration carry their one project.
UPDATE "Event" SET "projects" = ARRAY["project"] WHERE "project" IS NOT NULL;
