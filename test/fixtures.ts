/** The typed content of a complete preservation request (Arts. 29 and 30), with visibly fictional person data. */
export const completePreservation = {
  offence: {
    description: "Computer fraud (Art. 8)",
    summaryOfFacts: "Phishing site harvesting bank credentials of Portuguese victims.",
  },
  dataToPreserve: [
    {
      description: "Subscriber and traffic data of the hosting account",
      relationToOffence: "The account hosts the phishing site.",
    },
  ],
  custodian: {
    serviceProvider: "Example Hosting AS (fictional)",
    identifiers: [
      { kind: "IP_ADDRESS", value: "192.0.2.10", observedAt: "2026-11-20T21:14:00Z", timeZone: "Europe/Lisbon" },
    ],
  },
  necessity: "Logs are deleted after 30 days.",
  mlaToFollow: true,
  requestingContact: {
    organisation: "PGR Portugal",
    personInCharge: "Ana Exemplo (fictional)",
    email: "ana@example.org",
    officeHours: "Mon-Fri 09:00-17:00",
    timeZone: "Europe/Lisbon",
  },
  preferredResponseChannel: "EMAIL",
  expeditedResponse: true,
};
