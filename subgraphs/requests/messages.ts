import { DateTime } from "luxon";
import { queryGraph } from "../../common/graph-client";
import type { PrismaClient } from "../../prisma/requests/generated/client";
import { formLanguages, type FormLanguage, type FormParties } from "./forms";
import type { NotificationEvent } from "./notifications";
import type { CooperationRequest } from "./types/request";

// What a notification says, in the language the told authority accepts requests in. The wording is ours.

export const formLanguageOf = (language: string): FormLanguage =>
  (formLanguages as readonly string[]).includes(language) ? (language as FormLanguage) : "en";

interface AuthorityNames {
  name: string;
  country: { name: string } | null;
}

/**
 * The two authorities' names (members subgraph, through the graph) and the earlier request's reference, for the form
 * and the message. Fails while the graph does not answer: the delivery is tried again later.
 */
export async function partiesOf(prisma: PrismaClient, request: CooperationRequest, language: FormLanguage = "en") {
  const names = await queryGraph<{ requesting: AuthorityNames | null; requested: AuthorityNames | null }>(
    `query ($requesting: ID!, $requested: ID!, $lang: Language) {
      requesting: authority(id: $requesting) { name country { name(lang: $lang) } }
      requested: authority(id: $requested) { name country { name(lang: $lang) } }
    }`,
    {
      requesting: request.requestingAuthorityId,
      requested: request.requestedAuthorityId,
      lang: language.toUpperCase(),
    },
    "the authorities of the request",
  );
  const previous = request.previousRequestId
    ? await prisma.cooperationRequest.findUnique({
        where: { id: request.previousRequestId },
        select: { caseReference: true, sentAt: true, kind: true },
      })
    : null;
  const side = (found: AuthorityNames | null, authorityId: string, countryCode: string) => ({
    authority: found?.name ?? authorityId,
    country: found?.country?.name ?? countryCode,
  });
  return {
    requesting: side(names.requesting, request.requestingAuthorityId, request.requestingCountryCode),
    requested: side(names.requested, request.requestedAuthorityId, request.requestedCountryCode),
    previous,
  } satisfies FormParties;
}

const events: Record<FormLanguage, Record<NotificationEvent, string>> = {
  en: {
    SENT: "New request",
    ACKNOWLEDGED: "Request acknowledged",
    EXECUTED: "Request executed",
    PARTIALLY_EXECUTED: "Request partly executed",
    REFUSED: "Request refused",
    WITHDRAWN: "Request withdrawn",
    PRESERVATION_ENDING: "Preservation period ending",
  },
  fr: {
    SENT: "Nouvelle demande",
    ACKNOWLEDGED: "Demande reçue",
    EXECUTED: "Demande exécutée",
    PARTIALLY_EXECUTED: "Demande exécutée en partie",
    REFUSED: "Demande refusée",
    WITHDRAWN: "Demande retirée",
    PRESERVATION_ENDING: "Fin de la période de conservation",
  },
  es: {
    SENT: "Nueva solicitud",
    ACKNOWLEDGED: "Solicitud recibida",
    EXECUTED: "Solicitud ejecutada",
    PARTIALLY_EXECUTED: "Solicitud ejecutada en parte",
    REFUSED: "Solicitud denegada",
    WITHDRAWN: "Solicitud retirada",
    PRESERVATION_ENDING: "Fin del período de conservación",
  },
  pt: {
    SENT: "Novo pedido",
    ACKNOWLEDGED: "Pedido recebido",
    EXECUTED: "Pedido executado",
    PARTIALLY_EXECUTED: "Pedido executado em parte",
    REFUSED: "Pedido recusado",
    WITHDRAWN: "Pedido retirado",
    PRESERVATION_ENDING: "Fim do período de conservação",
  },
};

const labels: Record<
  FormLanguage,
  { from: string; to: string; reference: string; request: string; until: string; form: string }
> = {
  en: {
    from: "From",
    to: "To",
    reference: "Reference",
    request: "Request",
    until: "Preserved until",
    form: "The request is attached as the T-CY form.",
  },
  fr: {
    from: "De",
    to: "À",
    reference: "Référence",
    request: "Demande",
    until: "Conservées jusqu'au",
    form: "La demande est jointe sous forme du modèle T-CY.",
  },
  es: {
    from: "De",
    to: "A",
    reference: "Referencia",
    request: "Solicitud",
    until: "Conservados hasta",
    form: "La solicitud se adjunta como formulario T-CY.",
  },
  pt: {
    from: "De",
    to: "Para",
    reference: "Referência",
    request: "Pedido",
    until: "Conservados até",
    form: "O pedido segue em anexo no formulário T-CY.",
  },
};

/** Subject and plain text of one notification. */
export function notificationMessage(
  event: NotificationEvent,
  request: CooperationRequest,
  parties: FormParties,
  language: FormLanguage,
): { subject: string; text: string } {
  const label = labels[language];
  const until = request.preservedUntil
    ? DateTime.fromJSDate(request.preservedUntil, { zone: request.requestedTimeZone }).toFormat("dd/MM/yyyy HH:mm ZZZZ")
    : null;
  const lines = [
    `${events[language][event]}: ${request.caseReference}`,
    "",
    `${label.from}: ${parties.requesting.authority} (${parties.requesting.country})`,
    `${label.to}: ${parties.requested.authority} (${parties.requested.country})`,
    `${label.reference}: ${request.caseReference}`,
    `${label.request}: ${request.id} (${request.kind}, ${request.status})`,
    ...(until ? [`${label.until}: ${until}`] : []),
    ...(event === "SENT" ? ["", label.form] : []),
  ];
  return { subject: `${events[language][event]}: ${request.caseReference}`, text: `${lines.join("\n")}\n` };
}
