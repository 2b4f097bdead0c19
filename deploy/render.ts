// The graph's manifests: one unit for the gateway and one for each subgraph of the supergraph, so a subgraph added
// to the graph (`npm run new-subgraph` composes it in) gets its manifests with no further step.
import { App } from "cdk8s";
import { Kind, parse, type EnumValueDefinitionNode } from "graphql";
import fs from "node:fs";
import path from "node:path";
import { GatewayChart, SubgraphChart } from "./charts";
import { checkValues, gatewayValuesSchema, readValuesFile, subgraphValuesSchema } from "./values";

export const defaultSupergraphFile = path.join(__dirname, "..", "schema", "supergraph.graphql");

export interface SupergraphSubgraph {
  name: string;
  port: number;
}

/** The subgraphs a supergraph joins (its `join__Graph` enum), with the port of each one's URL. */
export function subgraphsOf(sdl: string): SupergraphSubgraph[] {
  const joined = parse(sdl).definitions.find(
    (definition) => definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === "join__Graph",
  );
  if (!joined || joined.kind !== Kind.ENUM_TYPE_DEFINITION) throw new Error("the supergraph has no join__Graph enum");
  return (joined.values ?? []).map((value: EnumValueDefinitionNode) => {
    const argument = (name: string) => {
      const found = value.directives
        ?.find((directive) => directive.name.value === "join__graph")
        ?.arguments?.find((entry) => entry.name.value === name)?.value;
      if (found?.kind !== Kind.STRING) throw new Error(`join__Graph.${value.name.value} has no ${name}`);
      return found.value;
    };
    const url = new URL(argument("url"));
    return { name: argument("name"), port: Number(url.port || (url.protocol === "https:" ? 443 : 80)) };
  });
}

export interface RenderOptions {
  /** Only these units (the gateway's is "gateway"); all by default. */
  units?: string[];
  /** A values file for a unit, instead of deploy/values/<unit>.yaml. */
  valuesFiles?: Record<string, string>;
  supergraphFile?: string;
  outdir?: string;
}

/** The cdk8s app with a chart per unit asked for, values checked. */
export function renderApp(options: RenderOptions = {}): App {
  const sdl = fs.readFileSync(options.supergraphFile ?? defaultSupergraphFile, "utf8");
  const subgraphs = subgraphsOf(sdl);
  const known = ["gateway", ...subgraphs.map((subgraph) => subgraph.name)];
  const units = options.units ?? known;
  for (const unit of units)
    if (!known.includes(unit)) throw new Error(`no unit "${unit}": the units are ${known.join(", ")}`);
  const valuesOf = (unit: string) => readValuesFile(unit, options.valuesFiles?.[unit]);
  const app = new App({ outdir: options.outdir ?? path.join(__dirname, "..", "dist", "k8s") });
  if (units.includes("gateway"))
    new GatewayChart(app, { sdl, subgraphs }, checkValues("gateway", gatewayValuesSchema, valuesOf("gateway")));
  for (const subgraph of subgraphs.filter(({ name }) => units.includes(name)))
    new SubgraphChart(app, subgraph, checkValues(subgraph.name, subgraphValuesSchema, valuesOf(subgraph.name)));
  return app;
}

/** Each unit's objects as Kubernetes reads them (JSON). */
export function manifestsOf(app: App): { unit: string; objects: Record<string, unknown>[] }[] {
  return app.charts.map((chart) => ({ unit: chart.node.id, objects: chart.toJson() as Record<string, unknown>[] }));
}
