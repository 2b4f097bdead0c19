-- The finder ranks a country's points on these columns alone (kind, validity, office hours, last verification, id):
-- with them in the index it reads neither the wide rows nor the pages they are scattered over, one per point.
-- Prisma's schema language has no INCLUDE; schema.prisma names the key columns.
DROP INDEX "ContactPoint_countryCode_kind_idx";
CREATE INDEX "ContactPoint_countryCode_kind_idx" ON "ContactPoint"("countryCode", "kind") INCLUDE ("id", "validFrom", "validTo", "twentyFourSeven", "officeDays", "opensAt", "closesAt", "timeZone", "lastVerifiedAt");
