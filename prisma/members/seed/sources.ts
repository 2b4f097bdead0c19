// Public sources of the seed facts: the page, declaration or document each fact comes from.
const slides = "Slides on the Fórum Cib@rcrime, CiberRed and the EJCN";

export const sources = {
  gpenAbout: "https://iap-association.org/GPEN/About-GPEN",
  gpenHistory: "http://www.iap-association.org/GPEN/About-GPEN/History",
  ejcnCouncilConclusions:
    "Council Conclusions of 9 June 2016 (doc. 10025/16); https://www.eurojust.europa.eu/da/node/286",
  slides,
  ejcnSlides: `${slides}: 'EJCN - Members and Observers'`,
  ejcnKickOff:
    "EJCN kick-off meeting 24 Nov 2016, The Hague, observers NO and CH: Eurojust, 'European Judicial Cybercrime Network', https://www.eurojust.europa.eu/da/node/286",
  forumFounding:
    "http://cibercrime.ministeriopublico.pt/en/pagina/meeting-cybercrime-forum ; https://www.ministeriospublicoscplp.org/pagina/redes",
  ciberredFounding:
    "http://cibercrime.ministeriopublico.pt/en/pagina/meeting-ciberredeciberred ; http://www.aiamp.info/index.php/2014-08-13-15-09-45",
  ciberredFirstMeeting:
    "CiberRed 1st meeting, Lisbon, 5 Feb 2018: http://cibercrime.ministeriopublico.pt/en/pagina/meeting-ciberredeciberred",
  ciberredLisbon2025:
    "CiberRed meeting, Lisbon, 17-18 Nov 2025: https://cibercrime.ministeriopublico.pt/en/destaque/ciberred-meeting-lisbon",
  convention247:
    "Budapest Convention (ETS 185) Art. 35; https://www.coe.int/t/dg1/legalcooperation/economiccrime/cybercrime/Documents/Points%20of%20Contact/aboutPoC_en.asp",
  budapestParties:
    "Parties and entry into force: treatydatabase.overheid.nl/nl/Verdrag/Details/009852_w (Verdragenbank 'Partijen en gegevens'), https://www.cybercrimelaw.net/coe.html",
  budapestParties2015:
    "Party on the Council of Europe chart of 2015 (https://www.cybercrimelaw.net/coe.html); entry-into-force date not in the consulted copy",
  budapestInvited2024: "Invited to accede (T-CY, 9 Oct 2024): https://nc4.go.ke/budapest-convention-on-cybercrime",
  budapestInvitedVanuatu:
    "https://www.loopvanuatu.com/vanuatu-news/vanuatu-invited-join-budapest-convention-cybercrime-107858",
  rwanda: "78th Party, instrument deposited 10 Jan 2025: https://coe.int/fr/web/cybercrime/glacy-e",
  secondProtocol:
    "Second Additional Protocol (CETS 224) signatories: https://verdragen.nl/en/Treaty/Details/013833_p.html",
  designations:
    "Declarations under Arts. 24, 27 and 35: https://treatydatabase.overheid.nl/nl/Verdrag/Details/009852_w",
  albaniaDeclarations:
    "http://www.conventions.coe.int/Treaty/Commun/ListeDeclarations.asp?CL=ENG&CM=8&NT=185&DF=2/21/2008&VL=1",
} as const;

/** Marks a fact deduced from a source rather than stated in it. */
export const inferred = (reason: string, source: string) => `inferred: ${reason}; ${source}`;
