-- Filtered lists of contact points by kind (and their totals) read this index alone, without the wide rows:
-- the columns the list filters test ride along (INCLUDE), so counting a kind's current entries is an index-only scan.
-- Prisma's schema language has no INCLUDE; schema.prisma names the key columns.
CREATE INDEX "ContactPoint_kind_validFrom_idx" ON "ContactPoint"("kind", "validFrom") INCLUDE ("validTo", "languages", "networkId", "countryCode");
