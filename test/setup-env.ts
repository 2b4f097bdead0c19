// type-graphql's decorators need the metadata polyfill loaded first, as the entry points do.
import "reflect-metadata";

// Quiet logs in tests unless asked for.
process.env.LOG_LEVEL ??= "silent";

// The notification worker delivers in the background; only the tests of notifications run it (it writes to tables
// that other tests fingerprint).
process.env.NOTIFICATION_WORKER ??= "false";
