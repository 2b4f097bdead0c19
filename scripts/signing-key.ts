// npm run --silent signing-key -- [new | add <file> | promote <file> | retire <file>]
// The gateway's private keys for viewer tokens, as a JWK set (GATEWAY_SIGNING_KEYS_FILE): the first key signs and all
// are published at /.well-known/jwks.json. A rotation without downtime: `add` publishes a new key beside the current
// one; once the subgraphs' caches hold it (their JWKS cache lasts up to 10 minutes), `promote` makes it sign; once the
// old key's last tokens have expired (60 s), `retire` drops it. Each step prints the new set; write it back to the file.
import type { JWK } from "jose";
import fs from "node:fs";
import { newSigningKey, signingKeysFrom } from "../common/viewer-token";

async function main() {
  const [step = "new", file] = process.argv.slice(2);
  const read = async (): Promise<JWK[]> => {
    if (!file) throw new Error(`${step} needs the key file`);
    const set = JSON.parse(fs.readFileSync(file, "utf8")) as { keys: JWK[] };
    await signingKeysFrom(set, file);
    return set.keys;
  };
  let keys: JWK[];
  if (step === "new") keys = [await newSigningKey()];
  else if (step === "add") keys = [...(await read()), await newSigningKey()];
  else if (step === "promote") {
    const current = await read();
    if (current.length < 2) throw new Error("promote needs a second key: run add first");
    keys = [current[current.length - 1], ...current.slice(0, -1)];
  } else if (step === "retire") keys = (await read()).slice(0, 1);
  else throw new Error("usage: npm run --silent signing-key -- [new | add <file> | promote <file> | retire <file>]");
  console.log(JSON.stringify({ keys }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
