import type { FormLanguage } from "./options";

/**
 * The labels of the two T-CY templates, each phrase in its four languages side by side.
 *
 * English is the templates' own wording as far as it is publicly known (T-CY(2018)11 and T-CY(2018)10, adopted by the
 * T-CY at its 19th Plenary, 9 July 2018; reference/domain.md §2.2–2.3). The Council of Europe published translations
 * of both templates (iPROCEEDS) only in Albanian, Bosnian, Macedonian, Montenegrin, Serbian and Turkish, so the French,
 * Spanish and Portuguese wording here is ours; where a heading restates Art. 29(2) or an article title, it follows
 * the Convention's French text and its Spanish and (European) Portuguese translations.
 */
export type Phrase = Readonly<Record<FormLanguage, string>>;

/** What both templates share: the header and sections 1 to 7. */
export const sharedLabels = {
  committee: {
    en: "Cybercrime Convention Committee (T-CY)",
    fr: "Comité de la Convention sur la cybercriminalité (T-CY)",
    es: "Comité del Convenio sobre la Ciberdelincuencia (T-CY)",
    pt: "Comité da Convenção sobre o Cibercrime (T-CY)",
  },
  adopted: {
    en: "Adopted by the T-CY at its 19th Plenary, Strasbourg, 9 July 2018",
    fr: "Adopté par le T-CY lors de sa 19e réunion plénière, Strasbourg, 9 juillet 2018",
    es: "Adoptado por el T-CY en su 19.ª reunión plenaria, Estrasburgo, 9 de julio de 2018",
    pt: "Adotado pelo T-CY na sua 19.ª reunião plenária, Estrasburgo, 9 de julho de 2018",
  },
  date: { en: "Date", fr: "Date", es: "Fecha", pt: "Data" },
  dateFormat: { en: "DD/MM/YYYY", fr: "JJ/MM/AAAA", es: "DD/MM/AAAA", pt: "DD/MM/AAAA" },
  reference: {
    en: "Reference / case number",
    fr: "Référence / numéro de dossier",
    es: "Referencia / número de expediente",
    pt: "Referência / número do processo",
  },
  requestStatus: {
    en: "Request status",
    fr: "Statut de la demande",
    es: "Estado de la solicitud",
    pt: "Estado do pedido",
  },
  newRequest: { en: "New request", fr: "Nouvelle demande", es: "Nueva solicitud", pt: "Novo pedido" },
  requestedAuthority: {
    en: "Requested authority",
    fr: "Autorité requise",
    es: "Autoridad requerida",
    pt: "Autoridade requerida",
  },
  requestingAuthority: {
    en: "Requesting authority",
    fr: "Autorité requérante",
    es: "Autoridad requirente",
    pt: "Autoridade requerente",
  },
  authority: { en: "Authority", fr: "Autorité", es: "Autoridad", pt: "Autoridade" },
  country: { en: "Country", fr: "Pays", es: "País", pt: "País" },
  organisation: { en: "Organisation", fr: "Organisation", es: "Organización", pt: "Organização" },
  personInChargeOfRequest: {
    en: "Person in charge of the request",
    fr: "Personne en charge de la demande",
    es: "Persona a cargo de la solicitud",
    pt: "Pessoa responsável pelo pedido",
  },
  address: { en: "Address", fr: "Adresse", es: "Dirección", pt: "Endereço" },
  telephone: { en: "Telephone", fr: "Téléphone", es: "Teléfono", pt: "Telefone" },
  cellPhone: { en: "Cell phone", fr: "Téléphone portable", es: "Teléfono móvil", pt: "Telemóvel" },
  email: { en: "E-mail", fr: "Courriel", es: "Correo electrónico", pt: "Correio eletrónico" },
  fax: { en: "Fax", fr: "Télécopie", es: "Fax", pt: "Fax" },
  officeHours: { en: "Office hours", fr: "Heures de bureau", es: "Horario de oficina", pt: "Horário de expediente" },
  timeZone: { en: "Time zone", fr: "Fuseau horaire", es: "Zona horaria", pt: "Fuso horário" },
  expeditedResponse: {
    en: "Response by e-mail or other expedited means preferred",
    fr: "Réponse par courriel ou par un autre moyen rapide souhaitée",
    es: "Se prefiere la respuesta por correo electrónico u otro medio rápido",
    pt: "Prefere-se resposta por correio eletrónico ou outro meio expedito",
  },
  responseMeans: {
    en: "Response preferred by means of",
    fr: "Réponse souhaitée par",
    es: "Respuesta preferida por medio de",
    pt: "Resposta preferencial por meio de",
  },
  additionalConfirmation: {
    en: "Should additional confirmation from the requesting authority be needed, please contact",
    fr: "Si une confirmation supplémentaire de l’autorité requérante est nécessaire, veuillez contacter",
    es: "Si se necesita una confirmación adicional de la autoridad requirente, póngase en contacto con",
    pt: "Caso seja necessária confirmação adicional da autoridade requerente, contactar",
  },
  name: { en: "Name", fr: "Nom", es: "Nombre", pt: "Nome" },
  jobTitle: { en: "Job title", fr: "Intitulé du poste", es: "Puesto", pt: "Cargo" },
  function: { en: "Function", fr: "Fonction", es: "Función", pt: "Função" },
  operationalAuthority: {
    en: "Investigative/Operational authority in charge of the case (if different)",
    fr: "Autorité d’enquête/opérationnelle en charge de l’affaire (si elle est différente)",
    es: "Autoridad investigadora/operativa a cargo del caso (si es distinta)",
    pt: "Autoridade de investigação/operacional responsável pelo caso (se for diferente)",
  },
  personInChargeOfCase: {
    en: "Person in charge of the case",
    fr: "Personne en charge de l’affaire",
    es: "Persona a cargo del caso",
    pt: "Pessoa responsável pelo caso",
  },
  // From here on, section headings and labels are not publicly known from the templates: they follow Art. 29(2) and
  // Art. 31 of the Convention (see form.ts).
  offence: {
    en: "Offence under investigation and brief summary of the facts",
    fr: "Infraction faisant l’objet de l’enquête et bref exposé des faits",
    es: "Delito objeto de investigación y breve resumen de los hechos",
    pt: "Infração objeto da investigação e breve resumo dos factos",
  },
  offenceDescription: { en: "Offence", fr: "Infraction", es: "Delito", pt: "Infração" },
  legalProvisions: {
    en: "Legal provisions",
    fr: "Dispositions légales",
    es: "Disposiciones legales",
    pt: "Disposições legais",
  },
  summaryOfFacts: {
    en: "Summary of the facts",
    fr: "Exposé des faits",
    es: "Resumen de los hechos",
    pt: "Resumo dos factos",
  },
  relationToOffence: {
    en: "Relationship to the offence",
    fr: "Lien avec l’infraction",
    es: "Relación con el delito",
    pt: "Relação com a infração",
  },
  serviceProvider: {
    en: "Service provider or other custodian",
    fr: "Fournisseur de services ou autre gardien",
    es: "Proveedor de servicios u otro custodio",
    pt: "Fornecedor de serviços ou outro responsável",
  },
  location: { en: "Location", fr: "Emplacement", es: "Ubicación", pt: "Localização" },
  identifierKind: { en: "Identifier", fr: "Identifiant", es: "Identificador", pt: "Identificador" },
  identifierValue: { en: "Value", fr: "Valeur", es: "Valor", pt: "Valor" },
  timeStamp: { en: "Time stamp", fr: "Horodatage", es: "Fecha y hora", pt: "Data e hora" },
  yes: { en: "Yes", fr: "Oui", es: "Sí", pt: "Sim" },
  no: { en: "No", fr: "Non", es: "No", pt: "Não" },
} satisfies Record<string, Phrase>;

/** T-CY(2018)11: "Data Preservation Request under Articles 29 and 30 Budapest Convention". */
export const preservationLabels = {
  title: {
    en: "Data Preservation Request under Articles 29 and 30 Budapest Convention",
    fr: "Demande de conservation de données en vertu des articles 29 et 30 de la Convention de Budapest",
    es: "Solicitud de conservación de datos en virtud de los artículos 29 y 30 del Convenio de Budapest",
    pt: "Pedido de conservação de dados ao abrigo dos artigos 29.º e 30.º da Convenção de Budapeste",
  },
  extension: {
    en: "Extension of previous request",
    fr: "Prolongation d’une demande antérieure",
    es: "Prórroga de una solicitud anterior",
    pt: "Prorrogação de pedido anterior",
  },
  previousReference: {
    en: "Ticket/reference number of previous request",
    fr: "Numéro de ticket/référence de la demande antérieure",
    es: "Número de ticket/referencia de la solicitud anterior",
    pt: "Número de registo/referência do pedido anterior",
  },
  // Not seen on a template page: the measures are the Convention's article titles (Arts. 29 and 30).
  measure: { en: "Measure requested", fr: "Mesure demandée", es: "Medida solicitada", pt: "Medida solicitada" },
  preservation: {
    en: "Expedited preservation of stored computer data (Article 29)",
    fr: "Conservation rapide de données informatiques stockées (article 29)",
    es: "Conservación rápida de datos informáticos almacenados (artículo 29)",
    pt: "Conservação expedita de dados informáticos armazenados (artigo 29.º)",
  },
  partialDisclosure: {
    en: "Expedited disclosure of preserved traffic data (Article 30)",
    fr: "Divulgation rapide de données relatives au trafic conservées (article 30)",
    es: "Revelación rápida de datos conservados sobre el tráfico (artículo 30)",
    pt: "Divulgação expedita de dados de tráfego conservados (artigo 30.º)",
  },
  data: {
    en: "Stored computer data to be preserved and its relationship to the offence",
    fr: "Données informatiques stockées à conserver et nature de leur lien avec l’infraction",
    es: "Datos informáticos almacenados que deben conservarse y su relación con el delito",
    pt: "Dados informáticos armazenados a conservar e sua relação com a infração",
  },
  dataItem: { en: "Data", fr: "Données", es: "Datos", pt: "Dados" },
  custodian: {
    en: "Custodian of the stored computer data or location of the computer system",
    fr: "Gardien des données informatiques stockées ou emplacement du système informatique",
    es: "Custodio de los datos informáticos almacenados o ubicación del sistema informático",
    pt: "Responsável pelos dados informáticos armazenados ou localização do sistema informático",
  },
  necessity: {
    en: "Necessity of preservation",
    fr: "Nécessité de la mesure de conservation",
    es: "Necesidad de la conservación",
    pt: "Necessidade da conservação",
  },
  mutualAssistance: {
    en: "Request for mutual assistance to follow",
    fr: "Demande d’entraide à suivre",
    es: "Solicitud de asistencia mutua posterior",
    pt: "Pedido de auxílio mútuo subsequente",
  },
  mutualAssistanceIntent: {
    en: "The requesting Party intends to submit a request for mutual assistance for the search, seizure or disclosure of the data",
    fr: "La Partie requérante entend soumettre une demande d’entraide en vue de la perquisition, de la saisie ou de la divulgation des données",
    es: "La Parte requirente tiene la intención de presentar una solicitud de asistencia mutua para el registro, la confiscación o la revelación de los datos",
    pt: "A Parte requerente pretende apresentar um pedido de auxílio mútuo para a busca, a apreensão ou a divulgação dos dados",
  },
} satisfies Record<string, Phrase>;

/** T-CY(2018)10: "Mutual Legal Assistance Request for subscriber information under Article 31 Budapest Convention". */
export const mlaLabels = {
  title: {
    en: "Mutual Legal Assistance Request for subscriber information under Article 31 Budapest Convention",
    fr: "Demande d’entraide judiciaire relative aux informations sur les abonnés en vertu de l’article 31 de la Convention de Budapest",
    es: "Solicitud de asistencia judicial mutua relativa a información sobre abonados en virtud del artículo 31 del Convenio de Budapest",
    pt: "Pedido de auxílio judiciário mútuo relativo a informações sobre subscritores ao abrigo do artigo 31.º da Convenção de Budapeste",
  },
  followUpMla: {
    en: "Follow-up to previous MLA request",
    fr: "Suite à une demande d’entraide antérieure",
    es: "Seguimiento de una solicitud de asistencia judicial mutua anterior",
    pt: "Seguimento de pedido de auxílio judiciário mútuo anterior",
  },
  followUpPreservation: {
    en: "Follow-up to previous preservation request",
    fr: "Suite à une demande de conservation antérieure",
    es: "Seguimiento de una solicitud de conservación anterior",
    pt: "Seguimento de pedido de conservação anterior",
  },
  prosecution: {
    en: "Prosecution office or court in charge (if applicable)",
    fr: "Parquet ou tribunal en charge (le cas échéant)",
    es: "Fiscalía o tribunal a cargo (si procede)",
    pt: "Ministério Público ou tribunal responsável (se aplicável)",
  },
  prosecutionOffice: {
    en: "Prosecution office and case number",
    fr: "Parquet et numéro de dossier",
    es: "Fiscalía y número de expediente",
    pt: "Ministério Público e número do processo",
  },
  court: {
    en: "Court and case number",
    fr: "Tribunal et numéro de dossier",
    es: "Tribunal y número de expediente",
    pt: "Tribunal e número do processo",
  },
  decisions: {
    en: "Prosecution or court decisions related to the MLA request",
    fr: "Décisions du parquet ou du tribunal relatives à la demande d’entraide",
    es: "Resoluciones de la fiscalía o del tribunal relativas a la solicitud de asistencia",
    pt: "Decisões do Ministério Público ou do tribunal relativas ao pedido de auxílio",
  },
  previousMla: {
    en: "Information on previous MLA request (if applicable)",
    fr: "Informations sur la demande d’entraide antérieure (le cas échéant)",
    es: "Información sobre la solicitud de asistencia judicial mutua anterior (si procede)",
    pt: "Informação sobre o pedido de auxílio judiciário mútuo anterior (se aplicável)",
  },
  previousPreservation: {
    en: "Information on previous preservation request (if applicable)",
    fr: "Informations sur la demande de conservation antérieure (le cas échéant)",
    es: "Información sobre la solicitud de conservación anterior (si procede)",
    pt: "Informação sobre o pedido de conservação anterior (se aplicável)",
  },
  ticketReference: {
    en: "Ticket/reference number",
    fr: "Numéro de ticket/référence",
    es: "Número de ticket/referencia",
    pt: "Número de registo/referência",
  },
  requestingContactDetails: {
    en: "Contact details of the requesting authority",
    fr: "Coordonnées de l’autorité requérante",
    es: "Datos de contacto de la autoridad requirente",
    pt: "Contactos da autoridade requerente",
  },
  respondingContactDetails: {
    en: "Contact details of the authority that responded to or executed the request",
    fr: "Coordonnées de l’autorité qui a répondu à la demande ou l’a exécutée",
    es: "Datos de contacto de la autoridad que respondió a la solicitud o la ejecutó",
    pt: "Contactos da autoridade que respondeu ao pedido ou o executou",
  },
  communicationMethod: {
    en: "Communication method used (e-mail, fax, etc.)",
    fr: "Moyen de communication utilisé (courriel, télécopie, etc.)",
    es: "Medio de comunicación utilizado (correo electrónico, fax, etc.)",
    pt: "Meio de comunicação utilizado (correio eletrónico, fax, etc.)",
  },
  legalBasis: {
    en: "Domestic legal basis for request (if applicable)",
    fr: "Base juridique interne de la demande (le cas échéant)",
    es: "Base jurídica interna de la solicitud (si procede)",
    pt: "Base legal interna do pedido (se aplicável)",
  },
  // Not seen on a template page: the information sought is Art. 18(3)'s "subscriber information", asked under Art. 31.
  information: {
    en: "Subscriber information sought and its relationship to the offence",
    fr: "Informations relatives aux abonnés demandées et nature de leur lien avec l’infraction",
    es: "Información sobre abonados solicitada y su relación con el delito",
    pt: "Informações relativas a subscritores pretendidas e sua relação com a infração",
  },
  informationItem: { en: "Information", fr: "Informations", es: "Información", pt: "Informações" },
  provider: {
    en: "Service provider and identifiers",
    fr: "Fournisseur de services et identifiants",
    es: "Proveedor de servicios e identificadores",
    pt: "Fornecedor de serviços e identificadores",
  },
  necessity: {
    en: "Necessity of the information",
    fr: "Nécessité des informations demandées",
    es: "Necesidad de la información",
    pt: "Necessidade das informações",
  },
} satisfies Record<string, Phrase>;

/** The identifier kinds of the request content. */
export const identifierKindLabels = {
  IP_ADDRESS: { en: "IP address", fr: "Adresse IP", es: "Dirección IP", pt: "Endereço IP" },
  ACCOUNT: { en: "Account", fr: "Compte", es: "Cuenta", pt: "Conta" },
  DOMAIN: { en: "Domain name", fr: "Nom de domaine", es: "Nombre de dominio", pt: "Nome de domínio" },
  EMAIL: {
    en: "E-mail address",
    fr: "Adresse électronique",
    es: "Dirección de correo electrónico",
    pt: "Endereço de correio eletrónico",
  },
  PHONE: { en: "Telephone number", fr: "Numéro de téléphone", es: "Número de teléfono", pt: "Número de telefone" },
  URL: { en: "URL", fr: "URL", es: "URL", pt: "URL" },
  OTHER: { en: "Other", fr: "Autre", es: "Otro", pt: "Outro" },
} satisfies Record<string, Phrase>;

/** The response channels of the request content. */
export const responseChannelLabels = {
  EMAIL: { en: "E-mail", fr: "Courriel", es: "Correo electrónico", pt: "Correio eletrónico" },
  PHONE: { en: "Telephone", fr: "Téléphone", es: "Teléfono", pt: "Telefone" },
  SECURE_PLATFORM: {
    en: "Secure platform",
    fr: "Plateforme sécurisée",
    es: "Plataforma segura",
    pt: "Plataforma segura",
  },
  FAX: { en: "Fax", fr: "Télécopie", es: "Fax", pt: "Fax" },
  POST: { en: "Post", fr: "Courrier postal", es: "Correo postal", pt: "Correio postal" },
} satisfies Record<string, Phrase>;
