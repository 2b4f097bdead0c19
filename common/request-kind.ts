import { registerEnumType } from "type-graphql";

/** The kinds of cooperation request (Budapest Convention Arts. 29–31, Second Additional Protocol Arts. 6, 9–10); the contact finder and the requests subgraph share them. */
export const RequestKind = {
  PRESERVATION: "PRESERVATION",
  PRESERVATION_EXTENSION: "PRESERVATION_EXTENSION",
  TRAFFIC_DATA_PARTIAL_DISCLOSURE: "TRAFFIC_DATA_PARTIAL_DISCLOSURE",
  MLA_SUBSCRIBER_INFORMATION: "MLA_SUBSCRIBER_INFORMATION",
  MLA_STORED_DATA: "MLA_STORED_DATA",
  EMERGENCY_DISCLOSURE: "EMERGENCY_DISCLOSURE",
  EMERGENCY_MLA: "EMERGENCY_MLA",
  DOMAIN_REGISTRATION_INFORMATION: "DOMAIN_REGISTRATION_INFORMATION",
  GENERAL_ASSISTANCE: "GENERAL_ASSISTANCE",
} as const;
export type RequestKind = (typeof RequestKind)[keyof typeof RequestKind];

registerEnumType(RequestKind, {
  name: "RequestKind",
  valuesConfig: {
    PRESERVATION: { description: "Expedited preservation of stored data (Budapest Convention Art. 29)" },
    PRESERVATION_EXTENSION: { description: "Extension of a preservation" },
    TRAFFIC_DATA_PARTIAL_DISCLOSURE: { description: "Expedited partial disclosure of traffic data (Art. 30)" },
    MLA_SUBSCRIBER_INFORMATION: {
      description: "Mutual legal assistance for subscriber information (Art. 31, T-CY template)",
    },
    MLA_STORED_DATA: { description: "Mutual legal assistance for stored data (Art. 31)" },
    EMERGENCY_DISCLOSURE: { description: "Emergency disclosure (Second Additional Protocol Art. 9)" },
    EMERGENCY_MLA: { description: "Emergency mutual assistance (Second Additional Protocol Art. 10)" },
    DOMAIN_REGISTRATION_INFORMATION: {
      description: "Domain name registration information (Second Additional Protocol Art. 6)",
    },
    GENERAL_ASSISTANCE: { description: "Other assistance" },
  },
});
