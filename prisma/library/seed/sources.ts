// Public sources of the library seed (shared/reference/domain.md §1.3, §1.6, §1.7, §1.14, §2 and the pages cited
// there), each a citation with its address. A row cites one or more of them in `source` and links the document itself
// in `sourceUrl`.

export const sources = {
  conventionText:
    "Convention on Cybercrime (ETS No. 185), English text as published in the Dutch treaty series, copy in statengeneraal/laws-markdown, https://github.com/statengeneraal/laws-markdown/blob/master/verdrag/convention/on/cybercrime/BWBV0001839/README.md",
  conventionTreatyDatabase:
    "Dutch treaty database, Convention on Cybercrime, https://treatydatabase.overheid.nl/nl/Verdrag/Details/009852_w",
  conventionFrench:
    "Conseil de l'Europe, Convention sur la cybercriminalité (STE n° 185), texte français, http://conventions.coe.int/Treaty/fr/Treaties/Html/185.htm",
  conventionFrenchBill:
    "Assemblée nationale, projet de loi n° 905 autorisant l'approbation de la convention sur la cybercriminalité (11 juin 2003), http://www.assemblee-nationale.fr/12/projets/pl0905.asp",
  conventionFrenchChapters:
    "table of the Convention's chapters (I: art. 1; II: art. 2-22; III: art. 23-35; IV: art. 36-48), https://loidici.biz/2018/10/29/la-convention-sur-la-cybercriminalite-de-budapest-du-21-novembre-2001/conventions-inter/10049/naty/",
  spainRatification:
    "Instrumento de ratificación del Convenio sobre la Ciberdelincuencia, hecho en Budapest el 23 de noviembre de 2001 (en vigor de forma general el 1 de julio de 2004, para España el 1 de octubre de 2010), http://migrarconderechos.es/legislationMastertable/legislacion/Convenio_ciberdelincuencia_23_11_2001",
  eurLexSummaryEs:
    "EUR-Lex, síntesis 'El Convenio de Budapest sobre la Ciberdelincuencia', https://eur-lex.europa.eu/ES/legal-content/summary/convention-on-cybercrime.html",
  brazilDecree:
    "Decreto n.º 11.491, de 12 de abril de 2023, que promulga a Convenção sobre o Crime Cibernético (considerandos: Decreto Legislativo n.º 37, de 16 de dezembro de 2021; ratificação depositada em 30 de novembro de 2022; em vigor para o Brasil em 1 de março de 2023), texto em https://legjur.com/legislacao/art/dec_00114912023",
  brazilDecreePublished:
    "published in the Diário Oficial da União of 13 April 2023, https://juliotake.com.br/publicado-decreto-que-promulga-a-convencao-sobre-o-crime-cibernetico",
  portugalCybercrimeLaw:
    "Lei n.º 109/2009, de 15 de setembro, Lei do Cibercrime, Diário da República, 1.ª série, n.º 179, https://dre.pt/pesquisa/-/search/489693/details/maximized",
  portugalCybercrimeLawArticles:
    "Lei do Cibercrime, capítulo IV (cooperação internacional), artigos 20.º a 22.º, in Diário da Assembleia da República, II série A, n.º 172, 7 de agosto de 2009, https://debates.parlamento.pt/catalogo/r3/dar/s2a/10/04/172/2009-08-07/11?pgs=15-36&org=PLC&plcdf=true",
  secondProtocol:
    "Council of Europe, Second Additional Protocol (CETS 224), https://www.coe.int/cyber2AP ; status in the Dutch treaty database, https://verdragen.nl/en/Treaty/Details/013833_p.html",
  secondProtocolFrench:
    "Conseil de l'Europe, Deuxième Protocole additionnel à la Convention sur la cybercriminalité (STCE n° 224), https://www.coe.int/fr/web/cybercrime/second-additional-protocol",
  secondProtocolArticles:
    "Articles 6, 7, 8 and 10 as described by the Council of Europe, ICANN (https://icann.org/en/blogs/details/feedback-on-the-second-additional-protocol-to-the-convention-on-cybercrime-ends-early-may-23-4-2021-en) and Eurojust/SIRIUS (https://www.eurojust.europa.eu/publication/article-10-second-additional-protocol-convention-cybercrime-emergency-mutual-assistance)",
  preservationTemplate:
    "T-CY, 'Data Preservation Request under Articles 29 and 30 Budapest Convention', T-CY(2018)11, bilingual English/Azerbaijani copy, https://rm.coe.int/0900001680a33478",
  subscriberTemplate:
    "T-CY, 'Mutual Legal Assistance Request for subscriber information under Article 31 Budapest Convention', T-CY(2018)10, https://rm.coe.int/template-article31-mla-subscriber/1680a273d9",
  templatesNews:
    "Council of Europe, 'iPROCEEDS: Multi-language templates for Data Preservation Request and Access to Stored Data' (says the templates were approved at the 19th plenary on 9 July 2019, where the templates' headers say 9 July 2018), https://www.coe.int/fr/web/cybercrime/-/iproceeds-multi-language-templates-for-data-preservation-request-and-access-to-stored-data",
  mlaAssessment:
    "T-CY(2013)17rev, 'T-CY assessment report: The mutual legal assistance provisions of the Budapest Convention on Cybercrime', adopted at the 12th plenary (2-3 December 2014), copy at https://docslib.org/doc/1584744/t-cy-assessment-report-the-mutual-legal-assistance-provisions-of-the-budapest-convention-on-cybercrime ; list of T-CY reports, http://www.coe.int/en/web/cybercrime/t-cy-reports",
  mlaAssessmentQuoted:
    "T-CY Cloud Evidence Group, 'Criminal justice access to data in the cloud: challenges' (26 May 2015), as quoted at https://1library.co/article/preguntas-investigaci%C3%B3n-hip%C3%B3tesis-experimentos.1y902pjy",
  preservationAssessment:
    "T-CY(2012)10 REV, assessment of the preservation provisions (Articles 16, 17, 29 and 30), adopted at the 8th plenary, 5-6 December 2012 (shared/reference/domain.md §1.7), list of T-CY reports, http://www.coe.int/en/web/cybercrime/t-cy-reports",
  contactPointsPaper:
    "Council of Europe, Economic Crime Division, discussion paper 'The functioning of 24/7 points of contact for cybercrime', version 2 April 2009, https://docslib.org/doc/1789191/the-functioning-of-24-7-points-of-contact-for-cybercrime",
  unodcModelForms:
    "UNODC SHERLOC, electronic evidence: model forms for requests to service providers, https://sherloc.unodc.org/cld/en/st/evidence/model-forms.html",
  unodcMlaResources:
    "UNODC SHERLOC, electronic evidence: model mutual legal assistance resources, https://sherloc.unodc.org/cld/en/st/evidence/model-mla-resources.html",
  ejcnDevelopments2021:
    "Eurojust, 'Latest developments from the European Judicial Cybercrime Network' (10th plenary, June 2021), https://www.eurojust.europa.eu/sk/node/3134",
  ipa: "CyberCrime@IPA project page, https://coe.int/en/web/cybercrime/cybercrime-ipa",
  coeResources: "Council of Europe cybercrime resources page, https://www.coe.int/en/web/cybercrime/resources",
  octopusCommunity:
    "Council of Europe: practitioners join the Octopus Cybercrime Community to reach its training materials on cybercrime and e-evidence (shared/reference/domain.md §1.6), https://www.coe.int/en/web/cybercrime/trainings",
} as const;

/** Marks a fact deduced from a source rather than stated in it. */
export const inferred = (reason: string, source: string) => `inferred: ${reason}; ${source}`;
