// npm run --silent token -- '<claims as JSON>' [lifetime]: prints a development token the local gateway accepts,
// signed with JWT_SECRET (or the development default). Example:
//   npm run --silent token -- '{"sub":"ana","name":"Ana (fictional)","networks":{"ejcn":["MEMBER"]}}' 2h
import { InvalidClaims, viewerFromClaims } from "../common/auth";
import { signClientToken } from "../gateway/auth";

async function main() {
  const [json, lifetime = "1h"] = process.argv.slice(2);
  if (!json) {
    console.error(
      `usage: npm run --silent token -- '{"sub":"…","networks":{"ejcn":["MEMBER"]}}' [lifetime, default 1h]`,
    );
    process.exit(2);
  }
  let claims: unknown;
  try {
    claims = JSON.parse(json);
  } catch {
    console.error("the claims must be a JSON object");
    process.exit(2);
  }
  const viewer = viewerFromClaims(claims as Record<string, unknown>);
  console.log(await signClientToken(viewer, lifetime));
}

main().catch((error) => {
  console.error(error instanceof InvalidClaims ? error.message : error);
  process.exit(error instanceof InvalidClaims ? 2 : 1);
});
