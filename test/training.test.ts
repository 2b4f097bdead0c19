import { bearer, clientToken, useTestGraph } from "./harness";

const graph = useTestGraph();

const as = async (networks: Record<string, string[]>) => bearer(await clientToken({ sub: "trainer-admin", networks }));
const coursesQuery = `query ($filter: CourseFilter) { courses(filter: $filter, first: 100) { totalCount edges { node { id level } } } }`;

describe("the training catalogue", () => {
  it("has the CyberCrime@IPA courses with their sessions, linked events and materials", async () => {
    const { body } = await graph.query(`{ course(id: "ipa-first-responders") {
      title level audiences provider
      sessions { startsAt city country { name } participantsCount event { id title startDate } }
      materials { title language }
    } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.course).toMatchObject({ level: "FIRST_RESPONDER", audiences: ["LAW_ENFORCEMENT"] });
    expect(body.data.course.sessions).toEqual([
      {
        startsAt: "2013-02-24T23:00:00.000Z",
        city: "Oslo",
        country: { name: "Norway" },
        participantsCount: 22,
        event: {
          id: "ipa-tot-first-responders-oslo-2013",
          title: "Training of Trainers and Law Enforcement 1st responders course",
          startDate: "2013-02-25",
        },
      },
    ]);
  });

  it("groups the concept paper's language versions", async () => {
    const { body } = await graph.query(
      `{ course(id: "ipa-basic-judicial") { materials { id language translations { language } } } }`,
    );
    const english = body.data.course.materials.find(
      (material: any) => material.id === "concept-paper-judicial-training-en",
    );
    expect(english.translations.map((translation: any) => translation.language).sort()).toEqual([
      "bs",
      "hr",
      "mk",
      "sq",
      "sr",
      "tr",
    ]);
  });

  it.each([
    [{ level: "TRAINING_OF_TRAINERS" }, 2],
    [{ audience: "LAW_ENFORCEMENT" }, 2],
    [{ project: "CyberCrime@IPA" }, 4],
    [{ network: "gpen" }, 1],
    // All three words: the CyberCrime@IPA basic course and the CoE introductory course.
    [{ search: "electronic evidence judges" }, 2],
  ])("filters %j", async (filter, count) => {
    const { body } = await graph.query(coursesQuery, { filter });
    expect(body.errors).toBeUndefined();
    expect(body.data.courses.totalCount).toBe(count);
  });

  it("gives a country its training sessions and a network its courses, batched", async () => {
    const { body } = await graph.query(
      `{ country(code: "ID") { trainingSessions { course { id } participantsCount } } network(id: "gpen") { courses { id } } }`,
    );
    expect(body.data.country.trainingSessions).toEqual([
      { course: { id: "octopus-judicial-programme" }, participantsCount: 33 },
    ]);
    expect(body.data.network.courses).toEqual([{ id: "gpen-prosecution-training" }]);

    const query = `query ($id: ID!) { network(id: $id) { members { country { trainingSessions { id course { title } } } } } }`;
    const count = async (id: string) => {
      const { statements, body } = await graph.measure(query, { id });
      expect(body.errors).toBeUndefined();
      return statements;
    };
    // Both networks have countries with sessions, so both load sessions and their courses.
    expect(await count("coe-24-7")).toBeLessThanOrEqual(await count("ejcn"));
  });
});

describe("network admins manage their courses", () => {
  const course = {
    title: "Fórum Cibercrime course on digital evidence (test)",
    level: "BASIC",
    audiences: ["PROSECUTORS"],
    languages: ["pt"],
    provider: "Procuradoria-Geral da República",
    networks: ["forum-cibercrime"],
    source: "test",
  };

  it("adds a course, a session and materials with translations", async () => {
    const admin = await as({ "forum-cibercrime": ["NETWORK_ADMIN"] });
    const created = await graph.query(
      `mutation ($input: CourseInput!) { createCourse(input: $input) { id networks { id } } }`,
      { input: course },
      admin,
    );
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data.createCourse.id;
    const session = await graph.query(
      `mutation ($input: TrainingSessionInput!) { createTrainingSession(input: $input) { startsAt endsAt country { code } } }`,
      {
        input: {
          course: id,
          startDate: "2027-03-01",
          endDate: "2027-03-03",
          timeZone: "Africa/Luanda",
          city: "Luanda",
          country: "AO",
          participantsCount: 25,
          source: "test",
        },
      },
      admin,
    );
    expect(session.body.data.createTrainingSession).toEqual({
      startsAt: "2027-02-28T23:00:00.000Z",
      endsAt: "2027-03-03T23:00:00.000Z",
      country: { code: "AO" },
    });
    const portuguese = await graph.query(
      `mutation ($input: MaterialInput!) { addMaterial(input: $input) { id translationGroup } }`,
      { input: { course: id, title: "Manual", kind: "TRAINING_MANUAL", language: "pt", source: "test" } },
      admin,
    );
    const group = portuguese.body.data.addMaterial.translationGroup;
    const english = await graph.query(
      `mutation ($input: MaterialInput!) { addMaterial(input: $input) { translations { language } } }`,
      {
        input: {
          course: id,
          title: "Manual",
          kind: "TRAINING_MANUAL",
          language: "en",
          translationGroup: group,
          source: "test",
        },
      },
      admin,
    );
    expect(english.body.data.addMaterial.translations).toEqual([{ language: "pt" }]);
  });

  it.each([
    ["anonymous", {}, "UNAUTHENTICATED"],
    ["a member", { "forum-cibercrime": ["MEMBER"] }, "FORBIDDEN"],
    ["the admin of another network", { ejcn: ["NETWORK_ADMIN"] }, "FORBIDDEN"],
  ])("refuses %s", async (_label, networks, code) => {
    const headers = Object.keys(networks).length ? await as(networks) : {};
    const { body } = await graph.query(
      `mutation ($input: CourseInput!) { createCourse(input: $input) { id } }`,
      { input: course },
      headers,
    );
    expect(body.errors![0].extensions!.code).toBe(code);
    const session = await graph.query(
      `mutation ($input: TrainingSessionInput!) { createTrainingSession(input: $input) { id } }`,
      {
        input: {
          course: "gpen-prosecution-training",
          startDate: "2027-01-01",
          endDate: "2027-01-01",
          timeZone: "UTC",
          source: "x",
        },
      },
      headers,
    );
    expect(session.body.errors![0].extensions!.code).toBe(code);
  });

  it.each([
    ["createCourse", "CourseInput", { ...course, languages: ["Portuguese"] }, "input.languages.0"],
    ["createCourse", "CourseInput", { ...course, audiences: [] }, "input.audiences"],
    [
      "createTrainingSession",
      "TrainingSessionInput",
      {
        course: "gpen-prosecution-training",
        startDate: "2027-01-02",
        endDate: "2027-01-01",
        timeZone: "UTC",
        source: "x",
      },
      "input.endDate",
    ],
    [
      "createTrainingSession",
      "TrainingSessionInput",
      {
        course: "gpen-prosecution-training",
        startDate: "2027-01-01",
        endDate: "2027-01-01",
        timeZone: "GMT+2",
        source: "x",
      },
      "input.timeZone",
    ],
    [
      "createTrainingSession",
      "TrainingSessionInput",
      { course: "nope", startDate: "2027-01-01", endDate: "2027-01-01", timeZone: "UTC", source: "x" },
      "input.course",
    ],
    [
      "addMaterial",
      "MaterialInput",
      { course: "gpen-prosecution-training", title: "x", kind: "OTHER", language: "en", url: "ftp://x", source: "x" },
      "input.url",
    ],
  ])("%s rejects bad input at %s", async (mutation, type, input, field) => {
    const admin = await as({ "forum-cibercrime": ["NETWORK_ADMIN"], gpen: ["NETWORK_ADMIN"] });
    const { body } = await graph.query(
      `mutation ($input: ${type}!) { ${mutation}(input: $input) { id } }`,
      { input },
      admin,
    );
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });
});
