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
    "Second Additional Protocol (CETS 224), party table of the Dutch treaty database (52 States; copy showing changes up to 5 Feb 2026): https://verdragen.nl/en/Treaty/Details/013833_p.html",
  // The Treaty Office chart: the one copy found shows the member States Albania to Germany only.
  coeChart185:
    "Council of Europe Treaty Office, chart of signatures and ratifications of Treaty 185, status as of 03/12/2015: http://www.coe.int/en/web/conventions/full-list/-/conventions/treaty/185/signatures",
  coeCount2021:
    "Council of Europe, 'Sweden joins the Budapest Convention' (28 Apr 2021: 66 Parties): https://www.coe.int/en/web/cybercrime/t-cy-news/-/asset_publisher/GxUcENEFhivB/content/sweden-joins-the-budapest-convention-and-its-additional-protocol",
  coeCount2024June:
    "Council of Europe, 30th T-CY plenary treaty ceremony (20 Jun 2024: 75 Parties, 2 signatories, 18 invited; 2AP signed by 44 and ratified by 2): https://coe.int/en/web/cybercrime/-/30th-t-cy-plenary-treaty-ceremony-sees-budapest-convention-reach-75-parties-benin-accede-to-the-first-protocol-and-czech-republic-and-sierra-leone-sign-the-second-additional-protocol",
  coeCount2024October:
    "Council of Europe count on 9 Oct 2024 (76 Parties, 2 signatories, 18 invited), quoted at https://nc4.go.ke/budapest-convention-on-cybercrime",
  signatories:
    "Ireland and South Africa named as the two signatories: PBIP bulletin 01-2026, https://online.flippingbook.com/view/316427122/2 (quoting the Council of Europe's count of 66 Parties, 2021-2022)",
  poland:
    "Government statement of 2 Apr 2015 (Dz.U. 2015 poz. 729): ratified 29 Jan 2015, in force for Poland from 1 Jun 2015, http://www.infor.pl/akt-prawny/DZU.2015.102.0000729,oswiadczenie-rzadowe-w-sprawie-mocy-obowiazujacej-konwencji-rady-europy-o-cyberprzestepczosci-sporzadzonej-w-budapeszcie-dnia-23-listopada-2001-r.html",
  monaco:
    "Monaco's declarations, deposited with the instrument of ratification on 17 Mar 2017, in force 1 Jul 2017: https://www.coe.int/de/web/conventions/full-list/-/conventions/treaty/185/declarations",
  sanMarino:
    "Ratification deposited 8 Mar 2019 (63rd State), signed 17 Mar 2017: http://www.smtvsanmarino.sm/politica/2019/03/09/san-marino-aderisce-alla-convenzione-criminalita-informatica ; http://www.libertas.sm/notizie/2019/01/13/san-marino-crimini-informatici-e-propaganda-razzista-si-ratifica-la-convenzione.html",
  nigeria:
    "Council of Europe, 'Nigeria acceded to the Council of Europe Convention on cybercrime' (6 Jul 2022, in force 1 Nov 2022): https://www.coe.int/en/web/human-rights-rule-of-law/-/nigeria-acceded-to-the-council-of-europe-convention-on-cybercri-1",
  tonga:
    "Council of Europe, 'Tonga joins the Budapest Convention on Cybercrime' (55th Party, May 2017): https://coe.int/be/web/portal/-/tonga-joins-the-budapest-convention-on-cybercrime ; https://news.pngfacts.com/2017/05/tonga-is-first-pacific-country-to-join.html",
  tunisia:
    "Tunisia acceded on 8 Mar 2024 (70th State): https://managers.tn/2024/03/08/cybercriminalite-la-tunisie-adhere-officiellement-a-la-convention-de-budapest",
  sierraLeone:
    "Instrument of accession deposited 19 Apr 2024 (71 Parties): https://sierraloaded.sl/news/sierra-leone-acceded-budapest-convention-cybercrime",
  sweden:
    "Council of Europe, 'Sweden joins the Budapest Convention' (ratification deposited 28 Apr 2021): https://www.coe.int/en/web/cybercrime/t-cy-news/-/asset_publisher/GxUcENEFhivB/content/sweden-joins-the-budapest-convention-and-its-additional-protocol",
  peru: "Ratified by Decreto Supremo 010-2019-RE (9 Mar 2019): https://busquedas.elperuano.pe/api/visor_html/1748338-2 ; text in force published 22 Sep 2019: https://iapp.org/news/a/publicacion-y-entrada-en-vigencia-del-texto-completo-del-convenio-de-ciberseguridad-con-sus-respectivas-reservas-y-declaraciones",
  paraguay:
    "Ratified by Paraguay at the end of 2017: https://tedic.org/hacia-una-justicia-penal-que-hable-el-lenguaje-de-internet",
  senegal:
    "Named among the 66 Parties of 2021-2022 in the PBIP bulletin 01-2026, https://online.flippingbook.com/view/316427122/2 ; 'about to become a Party' in May 2016: https://coe.int/en/web/cybercrime/activities4/-/asset_publisher/x72woI58Y7Gv/content/glacy-improving-international-cooperation-on-cybercrime-and-electronic-evidence-in-west-africa",
  ireland: "Signed 28 Feb 2002: Tractatenblad 2007, 10, https://zoek.officielebekendmakingen.nl/trb-2007-10.html",
  curacao:
    "Kingdom of the Netherlands' declaration of 27 Jun 2024 under Art. 38(2) accepting the Convention for Curaçao, in force there from 1 Oct 2024: https://verdragen.nl/en/Treaty/Details/009852_w?page=2",
  ecuador:
    "Ecuador's declarations under Arts. 24(7), 27(2) and 35, dated 4 Dec 2025: https://treatydatabase.overheid.nl/nl/Verdrag/Details/009852_w ; accession recommended by the Assembly's Security Commission in June 2024: https://www.asambleanacional.gob.ec/es/node/97216",
  designations:
    "Declarations under Arts. 24, 27 and 35: https://treatydatabase.overheid.nl/nl/Verdrag/Details/009852_w",
  albaniaDeclarations:
    "http://www.conventions.coe.int/Treaty/Commun/ListeDeclarations.asp?CL=ENG&CM=8&NT=185&DF=2/21/2008&VL=1",
} as const;

/** Marks a fact deduced from a source rather than stated in it. */
export const inferred = (reason: string, source: string) => `inferred: ${reason}; ${source}`;

/** Marks what no consulted source states, with the reason, and what the sources do say. */
export const unsourced = (reason: string, source?: string) =>
  source ? `unsourced: ${reason}; ${source}` : `unsourced: ${reason}`;
