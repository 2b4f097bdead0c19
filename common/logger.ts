import pino from "pino";
import { envString } from "./config";

/** Structured JSON logs on stdout, written synchronously so they interleave in order with the start banner. */
export const logger = pino(
  {
    level: envString("LOG_LEVEL", "info"),
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
  },
  pino.destination({ sync: true }),
);

export type Logger = typeof logger;
