import { signViewerToken, viewerTokenHeader } from "../common/viewer-token";
import type { Prisma as Library } from "../prisma/library/generated/client";
import { librarySeed } from "../prisma/library/seed";
import type { Prisma as Members } from "../prisma/members/generated/client";
import { membersSeed } from "../prisma/members/seed";
import type { Prisma as Training } from "../prisma/training/generated/client";
import { trainingSeed } from "../prisma/training/seed";
import { bearer, clientToken, postGraphQL, useTestGraph } from "./harness";

const graph = useTestGraph();

const as = async (networks: Record<string, string[]>, sub = "library-tester") =>
  bearer(await clientToken({ sub, name: "Library Tester (fictional)", networks }));

interface Fragment {
  text: string;
  highlighted: boolean;
}
interface Hit {
  rank: number | null;
  snippet: Fragment[] | null;
  titleHighlight: Fragment[] | null;
  node: { id: string; language: string; title: string };
}
interface SearchPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: (Hit & { cursor: string })[];
}

const searchQuery = /* GraphQL */ `
  query Search($query: String, $filter: LibraryFilter, $first: Int, $after: String) {
    searchLibrary(query: $query, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        rank
        titleHighlight {
          text
          highlighted
        }
        snippet {
          text
          highlighted
        }
        node {
          id
          language
          title
        }
      }
    }
  }
`;

async function search(
  variables: { query?: string | null; filter?: Record<string, unknown>; first?: number; after?: string },
  headers: Record<string, string> = {},
): Promise<SearchPage> {
  const { body } = await graph.query<{ searchLibrary: SearchPage }>(searchQuery, { first: 20, ...variables }, headers);
  expect(body.errors).toBeUndefined();
  return body.data!.searchLibrary;
}
const idsOf = (page: SearchPage) => page.edges.map((edge) => edge.node.id);
const highlightedWords = (fragments: Fragment[] | null) =>
  (fragments ?? []).filter((fragment) => fragment.highlighted).map((fragment) => fragment.text.toLowerCase());

describe("searching the library in its four languages", () => {
  it("finds Article 29 first for an English search, with its words highlighted", async () => {
    const page = await search({ query: "expedited preservation of stored computer data" });
    expect(idsOf(page)[0]).toBe("budapest-article-29-en");
    const [first] = page.edges;
    expect(first.rank).toBeGreaterThan(page.edges[1].rank!);
    expect(highlightedWords(first.titleHighlight)).toEqual(
      expect.arrayContaining(["expedited", "preservation", "stored", "computer", "data"]),
    );
    expect(highlightedWords(first.snippet)).toEqual(expect.arrayContaining(["preservation"]));
  });

  it("stems English: another form of the words finds the same article", async () => {
    expect(idsOf(await search({ query: "preserving stored data expeditiously" }))[0]).toBe("budapest-article-29-en");
  });

  it("finds the French Second Additional Protocol first for a French search, accents optional", async () => {
    for (const query of ["preuve électronique en situation d'urgence", "preuves electroniques urgence"]) {
      const page = await search({ query });
      expect(idsOf(page)[0]).toBe("second-additional-protocol-fr");
    }
  });

  it("finds Spain's instrument of ratification first for a Spanish search", async () => {
    const page = await search({ query: "conservación rápida de datos almacenados" });
    expect(idsOf(page)[0]).toBe("budapest-convention-es");
    expect(page.edges[0].node.language).toBe("es");
    // Inflected: the verb finds the noun.
    expect(idsOf(await search({ query: "conservar datos informáticos" }))[0]).toBe("budapest-convention-es");
  });

  it("finds Portuguese documents with their inflections", async () => {
    // The law says "ponto de contacto permanente", "preservação expedita", "dados informáticos".
    for (const query of [
      "pontos de contacto permanentes",
      "preservar expeditamente dados informáticos",
      "preservações",
    ]) {
      const page = await search({ query, filter: { language: "pt" } });
      expect({ query, first: idsOf(page)[0] }).toEqual({ query, first: "portugal-lei-109-2009" });
    }
    const page = await search({ query: "pontos de contacto permanentes" });
    expect(idsOf(page)[0]).toBe("portugal-lei-109-2009");
    expect(highlightedWords(page.edges[0].snippet)).toEqual(
      expect.arrayContaining(["ponto", "contacto", "permanente"]),
    );
    // Typed without accents, the word as written still matches.
    expect(idsOf(await search({ query: "preservacao expedita" }))).toContain("portugal-lei-109-2009");
  });

  it("matches quoted words as a phrase only", async () => {
    const words = await search({ query: "preserved traffic" });
    expect(idsOf(words)).toContain("budapest-article-30-en");
    expect(idsOf(await search({ query: '"preserved traffic data"' }))).toContain("budapest-article-30-en");
    const reversed = await search({ query: '"traffic preserved"' });
    expect(idsOf(reversed)).not.toContain("budapest-article-30-en");
    expect(reversed.totalCount).toBeLessThan(words.totalCount);
  });

  it("matches the start of a word with *, excludes -words, and ORs", async () => {
    const prefixed = idsOf(await search({ query: "subscr*", first: 100 }));
    expect(prefixed).toEqual(
      expect.arrayContaining(["tcy-subscriber-information-template-en", "second-additional-protocol-en"]),
    );
    expect(idsOf(await search({ query: "interc*", filter: { article: "BC-34" } }))).toContain("budapest-article-34-en");
    const excluded = idsOf(await search({ query: "subscr* -protocol", first: 100 }));
    expect(excluded).toContain("tcy-subscriber-information-template-en");
    expect(excluded).not.toContain("second-additional-protocol-en");
    const either = idsOf(await search({ query: "registrant or ciberdelincuencia", first: 100 }));
    expect(either).toEqual(expect.arrayContaining(["second-additional-protocol-en", "budapest-convention-es"]));
  });

  it("lists the newest first without a query, and pages through with cursors", async () => {
    const all = await search({ first: 100 });
    expect(all.edges.every((edge) => edge.rank === null && edge.snippet === null)).toBe(true);
    const first = await search({ first: 3 });
    expect(idsOf(first)).toEqual(idsOf(all).slice(0, 3));
    const second = await search({ first: 3, after: first.pageInfo.endCursor! });
    expect(idsOf(second)).toEqual(idsOf(all).slice(3, 6));
    const ranked = await search({ query: "data", first: 2 });
    const next = await search({ query: "data", first: 2, after: ranked.pageInfo.endCursor! });
    expect(idsOf(next)).toEqual(idsOf(await search({ query: "data", first: 4 })).slice(2));
  });
});

describe("facets", () => {
  const facetsQuery = /* GraphQL */ `
    query Facets($query: String, $filter: LibraryFilter) {
      searchLibrary(query: $query, filter: $filter, first: 1) {
        totalCount
        facets {
          kinds {
            kind
            count
          }
          countries {
            country {
              code
              name
            }
            count
          }
          languages {
            language
            count
          }
          articles {
            article {
              code
              instrument
              number
              title
            }
            count
          }
        }
      }
    }
  `;
  const facets = async (variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const { body } = await graph.query(facetsQuery, variables, headers);
    expect(body.errors).toBeUndefined();
    return body.data.searchLibrary;
  };

  it("counts the matching documents by kind, country, language and article", async () => {
    const result = await facets({ query: "convention" });
    const sum = (rows: { count: number }[]) => rows.reduce((total, row) => total + row.count, 0);
    expect(sum(result.facets.kinds)).toBe(result.totalCount);
    expect(sum(result.facets.languages)).toBe(result.totalCount);
    expect(result.facets.kinds[0].count).toBeGreaterThanOrEqual(result.facets.kinds.at(-1).count);
    const bc29 = result.facets.articles.find((row: any) => row.article.code === "BC-29");
    expect(bc29.article).toEqual({
      code: "BC-29",
      instrument: "BUDAPEST_CONVENTION",
      number: 29,
      title: "Expedited preservation of stored computer data",
    });
    const narrowed = await facets({ query: "convention", filter: { article: "BC-29" } });
    expect(narrowed.totalCount).toBe(bc29.count);
  });

  it("counts every language and names the countries through the members subgraph", async () => {
    const result = await facets({});
    const languages = Object.fromEntries(result.facets.languages.map((row: any) => [row.language, row.count]));
    for (const language of ["en", "fr", "es", "pt"]) expect(languages[language]).toBeGreaterThan(0);
    expect(result.facets.countries).toEqual(
      expect.arrayContaining([
        { country: { code: "PT", name: "Portugal" }, count: 1 },
        { country: { code: "BR", name: "Brazil" }, count: 1 },
        { country: { code: "ES", name: "Spain" }, count: 1 },
      ]),
    );
    const treaties = await facets({ filter: { kind: "TREATY" } });
    expect(treaties.facets.kinds).toEqual([{ kind: "TREATY", count: treaties.totalCount }]);
  });
});

describe("members-only documents", () => {
  const guide = "ipa-electronic-evidence-guide-en";
  const documentQuery = `query ($id: ID!) { document(id: $id) { id title visibility body network { id } } }`;

  it("are invisible to anyone outside their network: search, counts, lists and document(id)", async () => {
    const outsider = await as({ ejcn: ["MEMBER", "NETWORK_ADMIN"] });
    for (const headers of [{}, outsider]) {
      expect(idsOf(await search({ query: "Electronic Evidence Guide" }, headers))).not.toContain(guide);
      expect((await search({ filter: { network: "coe-24-7" } }, headers)).totalCount).toBe(0);
      expect((await graph.query(documentQuery, { id: guide }, headers)).body.data.document).toBeNull();
      const { body } = await graph.query(`{ network(id: "coe-24-7") { library { id } } }`, {}, headers);
      expect(body.data.network.library).toEqual([]);
    }
  });

  it("are there for the network's members, without a body", async () => {
    const member = await as({ "coe-24-7": ["MEMBER"] });
    expect(idsOf(await search({ query: "Electronic Evidence Guide" }, member))[0]).toBe(guide);
    const { body } = await graph.query(documentQuery, { id: guide }, member);
    expect(body.data.document).toEqual({
      id: guide,
      title: "Electronic Evidence Guide",
      visibility: "MEMBERS",
      body: null,
      network: { id: "coe-24-7" },
    });
    const library = await graph.query(`{ network(id: "coe-24-7") { library { id visibility } } }`, {}, member);
    expect(library.body.data.network.library.map((entry: any) => entry.id)).toContain(guide);
  });

  it("resolve for the gateway (_entities) only for the network's members", async () => {
    const url = graph.subgraphs.find((subgraph) => subgraph.name === "library")!.url;
    const entities = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Document { id title } } }`;
    const representations = [
      { __typename: "Document", id: guide },
      { __typename: "Document", id: "budapest-article-29-en" },
      { __typename: "Document", id: "no-such-document" },
    ];
    const anonymous = await postGraphQL(url, { query: entities, variables: { r: representations } });
    expect(anonymous.body.data._entities).toEqual([
      null,
      { id: "budapest-article-29-en", title: expect.stringContaining("Article 29") },
      null,
    ]);
    const viewer = (networks: Record<string, ("MEMBER" | "NETWORK_ADMIN")[]>) =>
      signViewerToken(
        { sub: "library-tester", name: null, networks, authorityId: null, analyst: false },
        "library",
        graph.signingKeys,
      );
    const outsider = await postGraphQL(
      url,
      { query: entities, variables: { r: representations } },
      { [viewerTokenHeader]: await viewer({ ejcn: ["MEMBER"] }) },
    );
    expect(outsider.body.data._entities[0]).toBeNull();
    const member = await postGraphQL(
      url,
      { query: entities, variables: { r: representations } },
      { [viewerTokenHeader]: await viewer({ "coe-24-7": ["MEMBER"] }) },
    );
    expect(member.body.data._entities[0]).toEqual({ id: guide, title: "Electronic Evidence Guide" });
  });

  it("reached from the training subgraph's material, through the gateway's entity call", async () => {
    const query = `{ course(id: "ipa-first-responders") { materials { id document { id visibility } } } }`;
    const anonymous = await graph.query(query);
    expect(anonymous.body.errors).toBeUndefined();
    expect(anonymous.body.data.course.materials).toEqual([{ id: "electronic-evidence-guide-en", document: null }]);
    const member = await graph.query(query, {}, await as({ "coe-24-7": ["MEMBER"] }));
    expect(member.body.data.course.materials).toEqual([
      { id: "electronic-evidence-guide-en", document: { id: guide, visibility: "MEMBERS" } },
    ]);
  });
});

describe("joins where users look", () => {
  it("Country.legislation: a country's laws and its instruments of treaties, newest first", async () => {
    const { body } = await graph.query(`{
      pt: country(code: "PT") { legislation { id kind country { code name } } }
      br: country(code: "BR") { legislation { id date } }
      fr: country(code: "FR") { legislation { id } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.pt.legislation).toEqual([
      { id: "portugal-lei-109-2009", kind: "LEGISLATION", country: { code: "PT", name: "Portugal" } },
    ]);
    expect(body.data.br.legislation).toEqual([{ id: "budapest-convention-pt-br", date: "2023-04-12" }]);
    expect(body.data.fr.legislation).toEqual([]);
  });

  it("Document: its translations, articles, country and network", async () => {
    const { body } = await graph.query(`{
      document(id: "budapest-convention-en") {
        textCoverage
        translations { id language country { code } }
        articles { code }
        offences
      }
      vcg: document(id: "ejcn-virtual-currency-guide-en") { network { id acronym } date datePrecision body textNote }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.document.translations).toEqual([
      { id: "budapest-convention-es", language: "es", country: { code: "ES" } },
      { id: "budapest-convention-fr", language: "fr", country: null },
      { id: "budapest-convention-pt-br", language: "pt", country: { code: "BR" } },
    ]);
    expect(body.data.document.articles.map((article: any) => article.code)).toEqual([
      "BC-29",
      "BC-30",
      "BC-31",
      "BC-32",
      "BC-33",
      "BC-34",
      "BC-35",
    ]);
    expect(body.data.document.offences).toHaveLength(9);
    expect(body.data.vcg).toMatchObject({
      network: { id: "ejcn", acronym: "EJCN" },
      date: "2021-06-01",
      datePrecision: "MONTH",
      body: null,
    });
  });

  it("Course.materials and Document.trainingMaterial name the same material both ways", async () => {
    const { body } = await graph.query(`{
      course(id: "ipa-basic-judicial") { materials { id language document { id language trainingMaterial { id title } } } }
    }`);
    expect(body.errors).toBeUndefined();
    const english = body.data.course.materials.find(
      (material: any) => material.id === "concept-paper-judicial-training-en",
    );
    expect(english.document).toEqual({
      id: "ipa-concept-paper-judicial-training-en",
      language: "en",
      trainingMaterial: {
        id: "concept-paper-judicial-training-en",
        title: "Concept paper for the training of judges and prosecutors in cybercrime and electronic evidence",
      },
    });
    for (const material of body.data.course.materials.filter((entry: any) => entry.document !== null))
      expect(material.document.language).toBe(material.language);
  });
});

describe("network admins' documents", () => {
  const add = /* GraphQL */ `
    mutation ($input: LibraryDocumentInput!) {
      addLibraryDocument(input: $input) {
        id
        version
        kind
        language
        textCoverage
        country {
          code
        }
        network {
          id
        }
        articles {
          code
        }
        translations {
          id
        }
      }
    }
  `;
  const update = /* GraphQL */ `
    mutation ($id: ID!, $input: LibraryDocumentInput!, $expectedVersion: Int) {
      updateLibraryDocument(id: $id, input: $input, expectedVersion: $expectedVersion) {
        id
        version
        title
      }
    }
  `;
  const withdraw = /* GraphQL */ `
    mutation ($id: ID!, $reason: String!) {
      withdrawLibraryDocument(id: $id, reason: $reason) {
        id
        version
        withdrawnAt
        withdrawnReason
      }
    }
  `;
  const guidance = {
    network: "EJCN",
    kind: "GUIDANCE",
    title: "Guia de preservação de provas digitais (teste)",
    summary: "Um guia fictício para os testes.",
    body: "Como pedir a preservação de dados de tráfego a um fornecedor de serviços noutro Estado (texto de teste).",
    language: "pt",
    country: "pt",
    date: "2025-03-01",
    sourceUrl: "https://library.example/guia",
    articles: ["bc-29", "BC-30"],
    offences: ["ILLEGAL_ACCESS"],
    proceduralPowers: ["EXPEDITED_PRESERVATION"],
    visibility: "MEMBERS",
  };
  const admin = () => as({ ejcn: ["MEMBER", "NETWORK_ADMIN"] }, "ejcn-admin");
  const member = () => as({ ejcn: ["MEMBER"] }, "ejcn-member");

  it("adds, updates and withdraws a document of their network, each step in the audit", async () => {
    const added = await graph.query(add, { input: guidance }, await admin());
    expect(added.body.errors).toBeUndefined();
    const document = added.body.data.addLibraryDocument;
    expect(document).toMatchObject({
      version: 1,
      kind: "GUIDANCE",
      language: "pt",
      textCoverage: "FULL_TEXT",
      country: { code: "PT" },
      network: { id: "ejcn" },
      articles: [{ code: "BC-29" }, { code: "BC-30" }],
      translations: [],
    });
    // Searchable at once, by the network's members only.
    expect(idsOf(await search({ query: "preservar provas digitais" }, await member()))[0]).toBe(document.id);
    expect(idsOf(await search({ query: "preservar provas digitais" }))).not.toContain(document.id);

    const translation = await graph.query(
      add,
      {
        input: {
          ...guidance,
          title: "Guide to preserving digital evidence (test)",
          summary: null,
          body: null,
          language: "en",
          translationOf: document.id,
        },
      },
      await admin(),
    );
    expect(translation.body.data.addLibraryDocument).toMatchObject({
      textCoverage: "NONE",
      translations: [{ id: document.id }],
    });

    const changed = { ...guidance, title: "Guia de preservação de provas digitais, 2.ª edição (teste)" };
    const updated = await graph.query(update, { id: document.id, input: changed, expectedVersion: 1 }, await admin());
    expect(updated.body.data.updateLibraryDocument).toEqual({ id: document.id, version: 2, title: changed.title });
    const stale = await graph.query(update, { id: document.id, input: guidance, expectedVersion: 1 }, await admin());
    expect(stale.body.errors![0].extensions).toMatchObject({ code: "CONFLICT", field: "expectedVersion" });

    const withdrawn = await graph.query(withdraw, { id: document.id, reason: "superseded (test)" }, await admin());
    expect(withdrawn.body.data.withdrawLibraryDocument).toMatchObject({
      version: 3,
      withdrawnReason: "superseded (test)",
    });
    expect(idsOf(await search({ query: "preservar provas digitais" }, await admin()))).not.toContain(document.id);
    const seen = (headers: Record<string, string>) =>
      graph.query(`query ($id: ID!) { document(id: $id) { id withdrawnAt } }`, { id: document.id }, headers);
    expect((await seen(await member())).body.data.document).toBeNull();
    expect((await seen(await admin())).body.data.document.withdrawnAt).not.toBeNull();
    const again = await graph.query(withdraw, { id: document.id, reason: "twice" }, await admin());
    expect(again.body.errors![0].extensions!.code).toBe("CONFLICT");

    const changesQuery = `{ network(id: "ejcn") { libraryChanges(first: 10) { totalCount edges { node { action actorSub actorName reason title } } } } }`;
    const audit = await graph.query(changesQuery, {}, await admin());
    const mine = audit.body.data.network.libraryChanges.edges
      .map((edge: any) => edge.node)
      .filter((change: any) => change.title.startsWith("Guia"));
    expect(mine).toEqual([
      expect.objectContaining({ action: "WITHDRAWN", reason: "superseded (test)", title: changed.title }),
      expect.objectContaining({ action: "UPDATED", reason: null, title: changed.title }),
      expect.objectContaining({
        action: "ADDED",
        actorSub: "ejcn-admin",
        actorName: "Library Tester (fictional)",
        title: guidance.title,
      }),
    ]);
    const notAdmin = await graph.query(changesQuery, {}, await member());
    expect(notAdmin.body.data.network.libraryChanges).toBeNull();
    expect(notAdmin.body.errors![0].extensions!.code).toBe("FORBIDDEN");
  });

  it.each([
    ["anonymous", async () => ({}), "UNAUTHENTICATED"],
    ["a member who is not admin", () => member(), "FORBIDDEN"],
    ["an admin of another network", () => as({ gpen: ["NETWORK_ADMIN"] }), "FORBIDDEN"],
  ])("refuses %s", async (_label, headers, code) => {
    const { body } = await graph.query(add, { input: guidance }, await headers());
    expect(body.errors![0].extensions!.code).toBe(code);
  });

  it("refuses to change the library's own reference documents", async () => {
    const { body } = await graph.query(
      update,
      { id: "budapest-article-29-en", input: guidance },
      await as({ "coe-24-7": ["NETWORK_ADMIN"], ejcn: ["NETWORK_ADMIN"] }),
    );
    expect(body.errors![0].extensions!.code).toBe("FORBIDDEN");
    const missing = await graph.query(update, { id: "no-such-document", input: guidance }, await admin());
    expect(missing.body.errors![0].extensions!.code).toBe("NOT_FOUND");
  });

  it.each([
    [{ title: "  " }, "input.title"],
    [{ language: "xx" }, "input.language"],
    [{ country: "XX" }, "input.country"],
    [{ sourceUrl: "ftp://library.example/guia" }, "input.sourceUrl"],
    [{ articles: ["BC-29", "BC-49"] }, "input.articles.1"],
    [{ articles: ["2AP-26"] }, "input.articles.0"],
    [{ textCoverage: "NONE" }, "input.textCoverage"],
    [{ body: null, textCoverage: "EXCERPT" }, "input.textCoverage"],
    [{ date: null, datePrecision: "YEAR" }, "input.datePrecision"],
    [{ translationOf: "no-such-document" }, "input.translationOf"],
    [{ body: "a body of 100 001 characters" }, "input.body"],
  ])("rejects %j with BAD_USER_INPUT at the field", async (given, field) => {
    const change = "body" in given && given.body?.startsWith("a body of") ? { body: "x".repeat(100_001) } : given;
    const { body } = await graph.query(add, { input: { ...guidance, ...change } }, await admin());
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it.each([
    [{ filter: { article: "BC-99" } }, "filter.article"],
    [{ filter: { country: "XX" } }, "filter.country"],
    [{ filter: { language: "portuguese" } }, "filter.language"],
    [{ filter: { network: "not a network" } }, "filter.network"],
    [{ filter: { from: "2020-01-02", to: "2020-01-01" } }, "filter.to"],
    [{ query: "a*" }, "query"],
    [{ query: "a query of 201 characters" }, "query"],
    [{ first: 101 }, "first"],
  ])("rejects the search %j with BAD_USER_INPUT at the field", async (given, field) => {
    const variables = "query" in given && given.query.startsWith("a query of") ? { query: "x".repeat(201) } : given;
    const { body } = await graph.query(searchQuery, variables);
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("refuses a cursor of another search", async () => {
    const page = await search({ query: "data", first: 1 });
    const { body } = await graph.query(searchQuery, { query: "preservation", after: page.pageInfo.endCursor });
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});

describe("SQL statements do not grow with the documents returned", () => {
  it("a search page with each document's country, network, translations, articles and material", async () => {
    const query = `query ($first: Int) {
      searchLibrary(first: $first) {
        edges { node { id country { code name } network { id acronym } translations { id language }
          articles { code } trainingMaterial { id title } } }
        facets { countries { country { name } count } }
      }
    }`;
    const rows = (data: any) => data.searchLibrary.edges.length;
    // The newest dozen already have each relation (a country, a network, translations, a training material).
    const few = await graph.statementsAndRows(query, { first: 12 }, rows);
    const many = await graph.statementsAndRows(query, { first: 100 }, rows);
    expect(many.rows).toBeGreaterThan(few.rows * 2);
    expect(many.statements).toBe(few.statements);
  });

  it("networks → library, countries → legislation", async () => {
    const query = `query ($first: Int) {
      networks { id library(first: $first) { id translations { id } country { code } } }
      countries(first: 40) { edges { node { code legislation(first: $first) { id country { name } } } } }
    }`;
    const rows = (data: any) =>
      data.networks.reduce((sum: number, network: any) => sum + network.library.length, 0) +
      data.countries.edges.reduce((sum: number, edge: any) => sum + edge.node.legislation.length, 0);
    // A few public laws the EJCN shares, so that a network and a country have several.
    const admin = await as({ ejcn: ["NETWORK_ADMIN"] });
    for (const title of ["Lei de teste A", "Lei de teste B", "Lei de teste C"]) {
      const { body } = await graph.query(
        `mutation ($input: LibraryDocumentInput!) { addLibraryDocument(input: $input) { id } }`,
        {
          input: {
            network: "ejcn",
            kind: "LEGISLATION",
            title: `${title} (fictional)`,
            language: "pt",
            country: "BR",
            sourceUrl: "https://library.example/lei",
          },
        },
        admin,
      );
      expect(body.errors).toBeUndefined();
    }
    const few = await graph.statementsAndRows(query, { first: 1 }, rows);
    const many = await graph.statementsAndRows(query, { first: 100 }, rows);
    expect(many.rows).toBeGreaterThan(few.rows + 4);
    expect(many.statements).toBe(few.statements);
  });
});

describe("the library seed", () => {
  const rowsOf = <Row>(seed: { table: string; rows: Record<string, unknown>[] }[], table: string) =>
    seed.find((entry) => entry.table === table)!.rows as Row[];
  const documents = rowsOf<Library.DocumentCreateManyInput>(librarySeed(), "Document");

  it("gives every document a source and an http(s) address, and says what its body is", () => {
    for (const document of documents) {
      expect({ id: document.id, source: document.source.length > 10 }).toEqual({ id: document.id, source: true });
      expect(document.sourceUrl).toMatch(/^https?:\/\/\S+$/);
      if (document.body == null) expect(document.textCoverage).toBe("NONE");
      else expect(document.textNote).toBeTruthy();
    }
    // Members-only entries have no body.
    for (const document of documents.filter((entry) => entry.visibility === "MEMBERS"))
      expect(document.body).toBeNull();
  });

  it("names networks and countries of the members seed, and materials of the training seed in the same language", () => {
    const members = membersSeed();
    const networks = new Set(rowsOf<Members.NetworkCreateManyInput>(members, "Network").map((row) => row.id));
    const countries = new Set(rowsOf<Members.CountryCreateManyInput>(members, "Country").map((row) => row.code));
    const materials = new Map(
      rowsOf<Training.MaterialCreateManyInput>(trainingSeed(), "Material").map((row) => [row.id, row]),
    );
    for (const document of documents) {
      if (document.networkId) expect(networks).toContain(document.networkId);
      if (document.countryCode) expect(countries).toContain(document.countryCode);
      if (document.materialId)
        expect({ id: document.id, language: materials.get(document.materialId)?.language }).toEqual({
          id: document.id,
          language: document.language,
        });
    }
  });
});
