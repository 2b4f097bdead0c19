-- Full-text search over unaccented text, the same on PostgreSQL 15 and embedded PGlite (which loads the unaccent
-- extension where the subgraph declares it: subgraphs/library/index.ts).
--
-- unaccent is one per database. It goes to the schema public, which outlives every subgraph's own schema (a test run's
-- schemas are dropped with CASCADE, which would take an extension living in one of them along), unless it is already
-- installed somewhere; the lock keeps two subgraphs migrating at once from both creating it.
SELECT pg_advisory_xact_lock(hashtext('extension:unaccent'));
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
    CREATE EXTENSION unaccent SCHEMA public;
  END IF;
END
$$;

-- unaccent() is STABLE (its dictionary could change); a generated column needs IMMUTABLE. The usual wrapper: the
-- dictionary named explicitly, in the extension's own schema, so no search_path can change what it calls.
DO $$
DECLARE
  home text := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                WHERE e.extname = 'unaccent');
BEGIN
  EXECUTE format(
    'CREATE FUNCTION library_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE '
    'AS $body$ SELECT %I.unaccent(%L::regdictionary, $1) $body$',
    home, quote_ident(home) || '.unaccent');
END
$$;

-- The text search configuration of a document's language: English, French, Spanish and Portuguese stem; any other
-- language is searched word for word.
CREATE FUNCTION library_search_config(language text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE language
    WHEN 'en' THEN 'pg_catalog.english'::regconfig
    WHEN 'fr' THEN 'pg_catalog.french'::regconfig
    WHEN 'es' THEN 'pg_catalog.spanish'::regconfig
    WHEN 'pt' THEN 'pg_catalog.portuguese'::regconfig
    ELSE 'pg_catalog.simple'::regconfig
  END
$$;

-- Stems without accents. The snowball stemmers need the accents (Portuguese "preservação", "preservações",
-- "preservar" all stem to preserv; without accents they stem to preservaca, preservaco, preserv), so a text is stemmed
-- as written and its lexemes are unaccented afterwards, positions and weights kept.
CREATE FUNCTION library_fold_tsvector(vector tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT AS $$
  SELECT coalesce(string_agg(
           '''' || replace(replace(folded.lexeme, '\', '\\'), '''', '''''') || '''' ||
           coalesce(':' || (SELECT string_agg(p::text || w, ',') FROM unnest(entry.positions, entry.weights) AS x (p, w)), ''),
           ' '), '')::tsvector
  FROM unnest(vector) AS entry
  CROSS JOIN LATERAL (SELECT library_unaccent(entry.lexeme) AS lexeme) AS folded
  WHERE folded.lexeme <> ''
$$;

-- The same for a query: stemmed as typed, then unaccented. A query whose unaccented text would not parse (none is
-- known) is kept as it was.
CREATE FUNCTION library_fold_tsquery(stemmed tsquery) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT AS $$
BEGIN
  RETURN library_unaccent(stemmed::text)::tsquery;
EXCEPTION WHEN OTHERS THEN
  RETURN stemmed;
END
$$;

-- What a document is found by: the stems of its language, unaccented (title weight A, summary B, body D), and its
-- words as written, unaccented ('simple'), so that a word typed without its accents, or the start of a word
-- (prefix search), finds it too.
CREATE FUNCTION library_document_vector(language text, title text, summary text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
  SELECT library_fold_tsvector(
           setweight(to_tsvector(library_search_config(language), coalesce(title, '')), 'A') ||
           setweight(to_tsvector(library_search_config(language), coalesce(summary, '')), 'B') ||
           to_tsvector(library_search_config(language), coalesce(body, '')))
      || setweight(to_tsvector('pg_catalog.simple', library_unaccent(coalesce(title, ''))), 'A')
      || setweight(to_tsvector('pg_catalog.simple', library_unaccent(coalesce(summary, ''))), 'B')
      || to_tsvector('pg_catalog.simple', library_unaccent(coalesce(body, '')))
$$;

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('LEGISLATION', 'CASE_LAW', 'GUIDANCE', 'MODEL_FORM', 'TREATY', 'REPORT', 'TRAINING_MATERIAL');

-- CreateEnum
CREATE TYPE "DocumentVisibility" AS ENUM ('PUBLIC', 'MEMBERS');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "TextCoverage" AS ENUM ('FULL_TEXT', 'EXCERPT', 'SUMMARY', 'NONE');

-- CreateEnum
CREATE TYPE "DocumentChangeAction" AS ENUM ('ADDED', 'UPDATED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "body" TEXT,
    "textCoverage" "TextCoverage" NOT NULL,
    "textNote" TEXT,
    "language" TEXT NOT NULL,
    "translationGroup" TEXT NOT NULL,
    "countryCode" CHAR(2),
    "issuingBody" TEXT,
    "date" DATE,
    "datePrecision" "DatePrecision",
    "sourceUrl" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "articles" TEXT[],
    "offences" TEXT[],
    "proceduralPowers" TEXT[],
    "networkId" TEXT,
    "visibility" "DocumentVisibility" NOT NULL DEFAULT 'PUBLIC',
    "materialId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawnReason" TEXT,
    "searchVector" tsvector GENERATED ALWAYS AS (library_document_vector("language", "title", "summary", "body")) STORED,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id"),
    -- A members-only document is of a network, whose members see it.
    CONSTRAINT "Document_members_of_a_network" CHECK ("visibility" = 'PUBLIC' OR "networkId" IS NOT NULL),
    -- No body exactly when the row says it has none.
    CONSTRAINT "Document_body_as_covered" CHECK (("body" IS NULL) = ("textCoverage" = 'NONE')),
    CONSTRAINT "Document_date_with_precision" CHECK (("date" IS NULL) = ("datePrecision" IS NULL))
);

-- CreateTable
CREATE TABLE "DocumentChange" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,
    "action" "DocumentChangeAction" NOT NULL,
    "actorSub" TEXT NOT NULL,
    "actorName" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT,
    "document" JSONB NOT NULL,

    CONSTRAINT "DocumentChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Document_materialId_key" ON "Document"("materialId");

-- CreateIndex
CREATE INDEX "Document_translationGroup_idx" ON "Document"("translationGroup");

-- CreateIndex (newest first, as Country.legislation and Network.library read them)
CREATE INDEX "Document_countryCode_date_id_idx" ON "Document"("countryCode", "date" DESC NULLS LAST, "id");

-- CreateIndex
CREATE INDEX "Document_networkId_date_id_idx" ON "Document"("networkId", "date" DESC NULLS LAST, "id");

-- CreateIndex
CREATE INDEX "DocumentChange_networkId_at_id_idx" ON "DocumentChange"("networkId", "at", "id");

-- CreateIndex
CREATE INDEX "DocumentChange_documentId_idx" ON "DocumentChange"("documentId");

-- AddForeignKey
ALTER TABLE "DocumentChange" ADD CONSTRAINT "DocumentChange_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The search (subgraphs/library/visibility.ts): the text index, articles for the article filter, and the newest-first
-- order of a search without words.
CREATE INDEX "Document_searchVector_idx" ON "Document" USING GIN ("searchVector");
CREATE INDEX "Document_articles_idx" ON "Document" USING GIN ("articles");
CREATE INDEX "Document_date_id_idx" ON "Document" ("date" DESC NULLS LAST, "id");

-- The audit of admins' changes is append-only: no update or delete, whoever asks.
CREATE FUNCTION "library_change_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'DocumentChange is append-only';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "DocumentChange_append_only" BEFORE UPDATE OR DELETE ON "DocumentChange"
  FOR EACH ROW EXECUTE FUNCTION "library_change_append_only"();
CREATE TRIGGER "DocumentChange_no_truncate" BEFORE TRUNCATE ON "DocumentChange"
  FOR EACH STATEMENT EXECUTE FUNCTION "library_change_append_only"();
