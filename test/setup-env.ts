// type-graphql's decorators need the metadata polyfill loaded first, as the entry points do.
import "reflect-metadata";

// Quiet logs in tests unless asked for.
process.env.LOG_LEVEL ??= "silent";
