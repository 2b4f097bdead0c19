import "reflect-metadata";
import { now } from "../../../common/clock";
import { RequestKind } from "../../../common/request-kind";
import { RequestStatus, type CooperationRequest } from "../types/request";
import { formFormats, renderRequestForm, type FormParties } from "./index";

// How long one form takes to render, as the background worker that attaches it to an e-mail pays it:
// `node -r @swc-node/register subgraphs/requests/forms/bench.ts [count]`. Prints the first render (fonts read and
// parsed) and the median and 95th percentile of the next ones, for a filled preservation request of two pages, in
// wall time and in CPU time of this process (which moves less when other processes share the machine).

const count = Number(process.argv[2] ?? 50);
const at = now();
const request: CooperationRequest = {
  id: "bench",
  kind: RequestKind.PRESERVATION,
  status: RequestStatus.SENT,
  version: 1,
  requestingAuthorityId: "pt-pgr",
  requestingCountryCode: "PT",
  requestedAuthorityId: "fr-parquet",
  requestedCountryCode: "FR",
  caseReference: "PGR/2026-0417",
  urgent: false,
  previousRequestId: null,
  idempotencyKey: null,
  createdBy: "bench",
  requestedTimeZone: "Europe/Paris",
  responseTargetHours: null,
  createdAt: at,
  sentAt: at,
  acknowledgedAt: null,
  executedAt: null,
  closedAt: null,
  responseDueAt: null,
  preservedUntil: null,
  content: {
    offence: {
      description: "Burla informática",
      legalProvisions: "Art. 221.º do Código Penal",
      summaryOfFacts: "Entre março e abril, mensagens « urgentes » foram enviadas a 300 vítimas. ".repeat(12),
    },
    dataToPreserve: [
      { description: "Registos de acesso à conta", relationToOffence: "Identificam o autor" },
      { description: "Conteúdo da caixa de correio", relationToOffence: "Prova das mensagens" },
    ],
    custodian: {
      serviceProvider: "OVH SAS",
      location: "Roubaix, France",
      identifiers: [{ kind: "IP_ADDRESS", value: "203.0.113.7", observedAt: at, timeZone: "Europe/Lisbon" }],
    },
    necessity: "Os registos são apagados ao fim de 30 dias.",
    mlaToFollow: true,
    requestingContact: { personInCharge: "Maria João Gonçalves", email: "cibercrime@pgr.example", timeZone: "UTC" },
    preferredResponseChannel: "EMAIL",
    expeditedResponse: true,
  },
};
const parties: FormParties = {
  requesting: { authority: "Procuradoria-Geral da República", country: "Portugal" },
  requested: { authority: "Parquet de Paris", country: "France" },
};

async function main() {
  for (const format of formFormats) {
    const render = async () => {
      const start = performance.now();
      const cpu = process.cpuUsage();
      const file = await renderRequestForm(request, parties, { format, language: "fr", date: at });
      const used = process.cpuUsage(cpu);
      return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, bytes: file.length };
    };
    const first = await render();
    const runs = [];
    for (let index = 0; index < count; index++) runs.push(await render());
    const pick = (values: number[], quantile: number) =>
      values.sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(quantile * values.length))].toFixed(1);
    const wall = runs.map((run) => run.ms);
    const cpu = runs.map((run) => run.cpuMs);
    console.log(
      `${format}: ${first.bytes} bytes; first ${first.ms.toFixed(0)} ms; over ${count}: ` +
        `wall median ${pick(wall, 0.5)} ms, p95 ${pick(wall, 0.95)} ms; CPU median ${pick(cpu, 0.5)} ms, p95 ${pick(cpu, 0.95)} ms`,
    );
  }
}

void main();
