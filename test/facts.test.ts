// The public facts of the seeds against the totals their sources give, and reachable through the graph.
import type { Prisma as Events } from "../prisma/events/generated/client";
import { eventsSeed } from "../prisma/events/seed";
import type { Prisma as Members } from "../prisma/members/generated/client";
import { membersSeed } from "../prisma/members/seed";
import { memberships } from "../prisma/members/seed/memberships";
import {
  budapestInvited,
  budapestParties,
  budapestSignatories,
  budapestTotals,
  depositedBy,
  secondProtocolSignatories,
  unnamedParties,
} from "../prisma/members/seed/treaties";
import { useTestGraph } from "./harness";

const members = membersSeed();
const rowsOf = <Row>(seed: { table: string; rows: unknown[] }[], table: string) =>
  (seed.find((entry) => entry.table === table)?.rows ?? []) as Row[];
const treaties = rowsOf<Members.TreatyParticipationCreateManyInput>(members, "TreatyParticipation");
const countries = rowsOf<Members.CountryCreateManyInput>(members, "Country");
const events = rowsOf<Events.EventCreateManyInput>(eventsSeed(), "Event");
const documents = rowsOf<Events.EventDocumentCreateManyInput>(eventsSeed(), "EventDocument");
const list = (value: string[] | { set: string[] } | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : value.set;
const statusOf = (country: string, treaty: string) =>
  treaties.find((row) => row.countryCode === country && row.treaty === treaty);

describe("the Budapest Convention's Parties", () => {
  it.each(budapestTotals.map((total) => [total.on, total.parties, total] as const))(
    "match the Council of Europe's total on %s (%i Parties)",
    (on, parties) => {
      const named = budapestParties.filter((party) => party.partyBy <= on).length;
      const unnamed = unnamedParties.filter((gap) => gap.after < on && gap.before <= on).length;
      expect(named + unnamed).toBe(parties);
    },
  );

  it("count the two signatories and no more invited States than the total", () => {
    for (const total of budapestTotals.filter((row) => row.signatories !== undefined)) {
      expect(budapestSignatories).toHaveLength(total.signatories ?? 0);
      expect(budapestInvited.length).toBeLessThanOrEqual(total.invited ?? 0);
    }
  });

  it("take the deposit from entry into force as Arts. 36(4) and 37(2) do", () => {
    // Benin deposited on 20 June 2024 and Côte d'Ivoire on 29 July 2024.
    expect(depositedBy("2024-10-01")).toBe("2024-06-30");
    expect(depositedBy("2024-11-01")).toBe("2024-07-31");
    expect(depositedBy("2004-07-01")).toBe("2004-03-31");
  });

  it("include Poland since 2015 and keep Ireland a signatory", () => {
    expect(statusOf("PL", "BUDAPEST_CONVENTION")).toMatchObject({ status: "PARTY", inForceOn: "2015-06-01" });
    expect(statusOf("PL", "BUDAPEST_CONVENTION")?.source).toContain("Dz.U. 2015 poz. 729");
    expect(statusOf("IE", "BUDAPEST_CONVENTION")).toMatchObject({ status: "SIGNATORY", signedOn: "2002-02-28" });
  });
});

describe("treaty status", () => {
  it("covers every country and both treaties, each with a source or the reason it is unknown", () => {
    expect(treaties).toHaveLength(countries.length * 2);
    for (const row of treaties) {
      expect(row.source.length).toBeGreaterThan(20);
      if (row.status === "UNKNOWN") expect(row.source).toMatch(/^unsourced: /);
      else expect(row.source).not.toMatch(/^unsourced: /);
    }
  });

  it("says NONE for the Convention only where a source shows it", () => {
    const none = treaties.filter((row) => row.treaty === "BUDAPEST_CONVENTION" && row.status === "NONE");
    expect(none.map((row) => row.countryCode)).toEqual(["CW"]);
  });

  it("has the Second Additional Protocol's whole party table, only Parties of the Convention among it", () => {
    expect(secondProtocolSignatories).toHaveLength(52);
    const parties = new Set(budapestParties.map((party) => party.country));
    expect(secondProtocolSignatories.filter((row) => !parties.has(row.country))).toEqual([]);
    // 20 June 2024: 44 signatures and 2 ratifications, per the Council of Europe.
    const by = secondProtocolSignatories.filter((row) => row.signedOn <= "2024-06-20");
    expect(by).toHaveLength(46);
    expect(by.filter((row) => row.ratifiedOn && row.ratifiedOn <= "2024-06-20")).toHaveLength(2);
  });
});

describe("memberships", () => {
  it("say why CiberRed has 20 members where its 2025 meeting counts 21", () => {
    const ciberred = memberships.filter((membership) => membership.networkId === "ciberred");
    expect(ciberred).toHaveLength(20);
    const spain = ciberred.find((membership) => membership.countryCode === "ES");
    expect(spain?.source).toMatch(/21 .*22 with Nicaragua and Venezuela/);
  });

  it("mark Serbia's EJCN role as unsourced", () => {
    const serbia = memberships.find((membership) => membership.networkId === "ejcn" && membership.countryCode === "RS");
    expect(serbia).toMatchObject({ role: "OBSERVER" });
    expect(serbia?.source).toMatch(/^unsourced: the role/);
  });
});

describe("events and documents", () => {
  const event = (id: string) => events.find((row) => row.id === id);
  const documentsOf = (id: string) => documents.filter((row) => row.eventId === id);

  it("have the events the sources name, each with its source", () => {
    for (const id of [
      "octopus-conference-2012",
      "ipa-judicial-training-heads-zagreb-2013",
      "ejcn-meeting-ransomware-2021",
      "octopus-judicial-introductory-bogor-2024",
    ])
      expect(event(id)?.source).toMatch(/https?:\/\//);
  });

  it("name the G8 as organiser of the Rome training, and both projects of joint IPA/EaP events", () => {
    expect(event("g8-247-training-rome-2011")?.organisers).toEqual(["G8"]);
    const joint = events.filter((row) => list(row.projects).includes("CyberCrime@EAP")).map((row) => row.id);
    expect(joint.sort()).toEqual([
      "g8-247-training-rome-2011",
      "ipa-eap-criminal-money-kyiv-2012",
      "ipa-public-private-istanbul-2012",
      "ipa-tot-first-responders-oslo-2013",
    ]);
    for (const row of events) {
      if (row.project) expect(list(row.projects)[0]).toBe(row.project);
      else expect(list(row.projects)).toEqual([]);
    }
  });

  it("list the European Union beside the Council of Europe for joint projects", () => {
    expect(event("ipa-closing-conference-budva-2013")?.organisers).toEqual(["European Union", "Council of Europe"]);
    expect(event("octopus-conference-2023")?.organisers).toEqual(["Council of Europe"]);
  });

  it("give each GLACY+ 24/7 workshop its page, with the address the source has", () => {
    for (const region of ["africa", "asia-pacific", "americas"]) {
      const pages = documentsOf(`glacy-247-workshop-${region}-2020`);
      expect(pages.map((row) => row.language)).toEqual(["en", "es", "pt"]);
      expect(pages[0].url).toMatch(/^https:\/\/coe\.int\//);
    }
  });

  it("record the Asia-Pacific webinar series' downloads", () => {
    const titles = documentsOf("eu-coe-webinars-asia-pacific-2020").map((row) => `${row.title} (${row.language})`);
    expect(titles).toEqual(
      expect.arrayContaining([
        "Background Note (en)",
        "The global state of cybercrime legislation (en)",
        "The Budapest Convention on Cybercrime (en)",
        "The Budapest Convention on Cybercrime (es)",
      ]),
    );
  });
});

describe("through the graph", () => {
  const graph = useTestGraph();

  it("answers the treaty status with its source, UNKNOWN where no source gives it", async () => {
    const { body } = await graph.query(`{
      pl: country(code: "PL") { budapestConvention { status inForceOn source } }
      ie: country(code: "IE") { budapestConvention { status signedOn } }
      cn: country(code: "CN") { budapestConvention { status source } secondAdditionalProtocol { status } }
      parties: countries(filter: { budapestStatus: PARTY }, first: 1) { totalCount }
      unknown: countries(filter: { budapestStatus: UNKNOWN }, first: 1) { totalCount }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.pl.budapestConvention).toMatchObject({ status: "PARTY", inForceOn: "2015-06-01" });
    expect(body.data.ie.budapestConvention).toEqual({ status: "SIGNATORY", signedOn: "2002-02-28" });
    expect(body.data.cn.budapestConvention.status).toBe("UNKNOWN");
    expect(body.data.cn.budapestConvention.source).toMatch(/^unsourced: /);
    expect(body.data.cn.secondAdditionalProtocol.status).toBe("NONE");
    expect(body.data.parties.totalCount).toBe(budapestParties.length);
    const known = budapestParties.length + budapestSignatories.length + budapestInvited.length + 1;
    expect(body.data.unknown.totalCount).toBe(countries.length - known);
  });

  it("reaches the LEA/ISP guidelines in seven languages and the joint events by either project", async () => {
    const { body } = await graph.query(`{
      event(id: "ipa-lea-isp-durres-2011") { documents { title language } }
      events(filter: { project: "CyberCrime@EAP" }, first: 10) { totalCount edges { node { id projects } } }
    }`);
    expect(body.errors).toBeUndefined();
    const guidelines = body.data.event.documents.filter((document: { title: string }) =>
      document.title.startsWith("Guidelines for the cooperation between law enforcement"),
    );
    expect(guidelines.map((document: { language: string }) => document.language).sort()).toEqual([
      "bs",
      "en",
      "hr",
      "mk",
      "sq",
      "sr",
      "tr",
    ]);
    expect(body.data.events.totalCount).toBe(4);
    for (const edge of body.data.events.edges) expect(edge.node.projects).toContain("CyberCrime@EAP");
  });
});
