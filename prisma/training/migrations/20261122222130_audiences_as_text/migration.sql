-- Audiences as text (the values stay those of the "Audience" enum, checked by the GraphQL enum): Prisma's array
-- filters on enum arrays fail through the PGlite adapter. Converted in place, so no data is lost.
ALTER TABLE "Course" ALTER COLUMN "audiences" TYPE TEXT[] USING "audiences"::TEXT[];
