// Public sources of the ejcn seed: the page, press release or legal act each fact comes from. The event pages are the
// same ones the events seed cites for these plenaries (copied here: a seed never imports another subgraph's seed).

export const sources = {
  ejcnPage: "Eurojust, 'European Judicial Cybercrime Network', https://www.eurojust.europa.eu/da/node/286",
  plenary2:
    "Eurojust news 'Second plenary meeting of the European Judicial Cybercrime Network' (6 April 2017), http://www.eurojust.europa.eu/press/News/News/Pages/2017/2017-04-06-Second-plenary-meeting-of-the-European-Judicial-Cybercrime-Network.aspx",
  plenary6:
    "EVIDENCE2e-CODEX news on the 6th EJCN plenary meeting (4-5 April 2019), https://evidence2e-codex.eu/a/6th-ejcn-plenary-meeting",
  developments2021:
    "Eurojust, 'Latest developments from the European Judicial Cybercrime Network' (10th plenary, June 2021; meeting of December 2021), https://www.eurojust.europa.eu/sk/node/3134",
  cybilPortal:
    "Cybil Portal, EJCN project page (outcome reports listed, two a year, 2019-2022), https://cybilportal.org/projects/european-judicial-cybercrime-network-ejcn/",
  presidencyCalendar:
    "Council Decision 2009/908/EU, Annex I (order of the presidencies of the Council, in groups of three), as amended by Council Decision (EU) 2016/1316 of 26 July 2016 (OJ L 208, 2.8.2016, p. 42), https://eur-lex.europa.eu/eli/dec/2016/1316/oj ; Council of the EU, 'The presidency of the Council of the EU', https://www.consilium.europa.eu/en/council-eu/presidency-council-eu/",
} as const;

/** Marks a fact deduced from a source rather than stated in it. */
export const inferred = (reason: string, source: string) => `inferred: ${reason}; ${source}`;
