// npm run k8s -- [--only <unit>]… [--values <unit>=<file>]… [--out <dir>]: renders the Kubernetes manifests of the
// gateway and of each subgraph of the supergraph (deploy/), one file per unit (<out>/<unit>.k8s.yaml, default
// dist/k8s/), and validates every object against the Kubernetes API schema (deploy/validate.ts). A network renders
// only its subgraph with its own values: `npm run k8s -- --only ejcn --values ejcn=../ejcn-values.yaml`.
import path from "node:path";
import { parseArgs } from "node:util";
import { manifestsOf, renderApp } from "../deploy/render";
import { kubernetesVersion, validationErrors } from "../deploy/validate";

function main() {
  const { values } = parseArgs({
    options: {
      only: { type: "string", multiple: true },
      values: { type: "string", multiple: true },
      out: { type: "string" },
    },
  });
  const valuesFiles = Object.fromEntries(
    (values.values ?? []).map((entry) => {
      const [unit, file] = entry.split("=");
      if (!unit || !file) throw new Error(`--values takes <unit>=<file>, got "${entry}"`);
      return [unit, path.resolve(file)];
    }),
  );
  const outdir = path.resolve(values.out ?? path.join(__dirname, "..", "dist", "k8s"));
  const app = renderApp({ units: values.only, valuesFiles, outdir });
  const units = manifestsOf(app);
  const errors = units.flatMap(({ unit, objects }) => validationErrors(objects).map((error) => `${unit}: ${error}`));
  if (errors.length > 0) {
    console.error(`invalid against the Kubernetes ${kubernetesVersion} API schema:\n  ${errors.join("\n  ")}`);
    process.exit(1);
  }
  app.synth();
  for (const { unit, objects } of units)
    console.log(
      `${path.relative(process.cwd(), path.join(outdir, `${unit}.k8s.yaml`))}: ${objects.map((object) => object.kind).join(", ")}`,
    );
  const count = units.reduce((sum, { objects }) => sum + objects.length, 0);
  console.log(
    `${count} objects in ${units.length} units, valid against the Kubernetes ${kubernetesVersion} API schema`,
  );
}

try {
  main();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
