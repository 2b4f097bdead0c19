// The Kubernetes manifests (deploy/, `npm run k8s`): every subgraph of the supergraph has a Deployment with both
// probes, a Service, a PodDisruptionBudget and an autoscaler; the gateway its supergraph as a ConfigMap and its keys
// and database URLs as Secret references; every object is valid against the Kubernetes API schema; a network renders
// only its subgraph, with its own values.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { subgraphEnvName } from "../common/config";
import { defaultSupergraphFile, manifestsOf, renderApp, subgraphsOf } from "../deploy/render";
import { validationErrors } from "../deploy/validate";
import { subgraphs } from "../subgraphs";

type KubeObject = Record<string, any>;

const supergraphSdl = fs.readFileSync(defaultSupergraphFile, "utf8");
const units = manifestsOf(renderApp({ outdir: os.tmpdir() }));
const objectsOf = (unit: string) => units.find((entry) => entry.unit === unit)?.objects as KubeObject[];
const find = (objects: KubeObject[], kind: string, name: string) =>
  objects.find((object) => object.kind === kind && object.metadata.name === name);
const envOf = (container: KubeObject) =>
  Object.fromEntries((container.env as KubeObject[]).map((variable) => [variable.name, variable]));

describe("npm run k8s", () => {
  it("renders a unit for the gateway and for every subgraph of the supergraph, and for nothing else", () => {
    const joined = subgraphsOf(supergraphSdl).map((subgraph) => subgraph.name);
    expect(joined.sort()).toEqual(subgraphs.map((definition) => definition.name).sort());
    expect(units.map((entry) => entry.unit).sort()).toEqual(["gateway", ...joined].sort());
  });

  it.each(subgraphsOf(supergraphSdl).map((subgraph) => [subgraph.name, subgraph.port] as const))(
    "gives %s a Deployment with both probes, a Service, a disruption budget and an autoscaler",
    (name, port) => {
      const objects = objectsOf(name);
      const deployment = find(objects, "Deployment", name)!;
      const pod = deployment.spec.template;
      const [server] = pod.spec.containers;
      expect(server.command).toEqual(["node", "-r", "@swc-node/register", "scripts/start-subgraph.ts", name]);
      expect(server.ports).toEqual([{ name: "http", containerPort: port }]);
      expect(server.readinessProbe.httpGet).toEqual({ path: "/ready", port: "http" });
      expect(server.livenessProbe.httpGet).toEqual({ path: "/health", port: "http" });
      expect(envOf(server)[subgraphEnvName(name, "PORT")].value).toBe(String(port));
      expect(envOf(server).SUBGRAPH_HOST.value).toBe("0.0.0.0");
      // The database URL is a reference to a Secret, in the migrations' init container too.
      const [migrate] = pod.spec.initContainers;
      expect(migrate.command).toEqual(["node", "-r", "@swc-node/register", "scripts/migrate.ts", name]);
      for (const container of [server, migrate])
        expect(envOf(container).DATABASE_URL.valueFrom.secretKeyRef).toEqual({
          name: `${name}-database`,
          key: "url",
        });
      expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);

      const service = find(objects, "Service", name)!;
      expect(service.spec.ports).toEqual([{ name: "http", port, targetPort: "http" }]);
      for (const [label, value] of Object.entries(service.spec.selector as Record<string, string>))
        expect(pod.metadata.labels[label]).toBe(value);
      expect(deployment.spec.selector.matchLabels).toEqual(service.spec.selector);

      expect(find(objects, "PodDisruptionBudget", name)!.spec).toEqual({
        maxUnavailable: 1,
        selector: deployment.spec.selector,
      });
      const autoscaler = find(objects, "HorizontalPodAutoscaler", name)!;
      expect(autoscaler.spec.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name });
      expect(autoscaler.spec.minReplicas).toBe(deployment.spec.replicas);
      expect(autoscaler.spec.maxReplicas).toBeGreaterThanOrEqual(autoscaler.spec.minReplicas);
    },
  );

  it("sets requests and limits on every container, the heap below the memory limit", () => {
    for (const { objects } of units)
      for (const deployment of objects.filter((object: KubeObject) => object.kind === "Deployment") as KubeObject[])
        for (const container of [
          ...deployment.spec.template.spec.containers,
          ...(deployment.spec.template.spec.initContainers ?? []),
        ]) {
          const { requests, limits } = container.resources;
          expect([requests.cpu, requests.memory, limits.cpu, limits.memory].every(Boolean)).toBe(true);
          expect(parseInt(limits.memory)).toBeGreaterThanOrEqual(parseInt(requests.memory));
          const heap = envOf(container).NODE_OPTIONS?.value as string | undefined;
          if (heap) expect(Number(/=(\d+)/.exec(heap)![1])).toBeLessThan(parseInt(limits.memory));
        }
  });

  it("gives the gateway the supergraph as a ConfigMap it watches, and its secrets as references", () => {
    const objects = objectsOf("gateway");
    expect(find(objects, "ConfigMap", "supergraph")!.data["supergraph.graphql"]).toBe(supergraphSdl);
    const pod = find(objects, "Deployment", "gateway")!.spec.template.spec;
    const [gateway] = pod.containers;
    expect(gateway.readinessProbe.httpGet.path).toBe("/ready");
    expect(gateway.livenessProbe.httpGet.path).toBe("/health");
    const env = envOf(gateway);
    const mount = (volume: string) =>
      gateway.volumeMounts.find((entry: KubeObject) => entry.name === volume).mountPath as string;
    // A directory mount (no subPath): the kubelet updates the file in place and the gateway loads it.
    expect(env.GATEWAY_SUPERGRAPH_FILE.value).toBe(`${mount("supergraph")}/supergraph.graphql`);
    expect(gateway.volumeMounts.every((entry: KubeObject) => entry.subPath === undefined)).toBe(true);
    expect(pod.volumes.find((volume: KubeObject) => volume.name === "supergraph").configMap.name).toBe("supergraph");
    expect(env.GATEWAY_SIGNING_KEYS_FILE.value).toBe(`${mount("signing-keys")}/keys.json`);
    expect(pod.volumes.find((volume: KubeObject) => volume.name === "signing-keys").secret.secretName).toBe(
      "gateway-signing-keys",
    );
    expect(env.JWT_SECRET.valueFrom.secretKeyRef.name).toBe("gateway-secrets");
    expect(env.GATEWAY_RATE_LIMIT_DATABASE_URL.valueFrom.secretKeyRef.name).toBe("gateway-secrets");
    for (const { name, port } of subgraphsOf(supergraphSdl)) {
      const namespace = find(objectsOf(name), "Service", name)!.metadata.namespace as string;
      expect(env[subgraphEnvName(name, "URL")].value).toBe(
        `http://${name}.${namespace}.svc.cluster.local:${port}/graphql`,
      );
    }
  });

  it("renders objects valid against the Kubernetes API schema, and the check refuses a broken one", () => {
    expect(validationErrors(units.flatMap((entry) => entry.objects))).toEqual([]);
    const broken = structuredClone(find(objectsOf("members"), "Deployment", "members")!);
    broken.spec.replicas = "two";
    delete broken.spec.selector;
    expect(validationErrors([broken]).join()).toMatch(/replicas must be integer.*|selector/);
    expect(validationErrors([{ apiVersion: "v1", kind: "Pod", metadata: { name: "x" } }])).toEqual([
      "Pod/x: no schema here for v1 Pod",
    ]);
  });

  describe("a network's own subgraph", () => {
    let dir: string;
    beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "k8s-values-"))));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("renders alone, with the network's own values", () => {
      const file = path.join(dir, "gpen.yaml");
      fs.writeFileSync(
        file,
        "namespace: gpen\nimage: registry.gpen.example/graph:2\nreplicas: { min: 3, max: 4 }\n" +
          "database: { name: gpen-own-server, key: url }\nenv: { LOG_LEVEL: warn }\n",
      );
      const rendered = manifestsOf(renderApp({ units: ["gpen"], valuesFiles: { gpen: file }, outdir: dir }));
      expect(rendered.map((entry) => entry.unit)).toEqual(["gpen"]);
      const objects = rendered[0].objects as KubeObject[];
      expect(objects.every((object) => object.metadata.namespace === "gpen")).toBe(true);
      const deployment = find(objects, "Deployment", "gpen")!;
      const [server] = deployment.spec.template.spec.containers;
      expect(server.image).toBe("registry.gpen.example/graph:2");
      expect(envOf(server).DATABASE_URL.valueFrom.secretKeyRef.name).toBe("gpen-own-server");
      expect(envOf(server).LOG_LEVEL.value).toBe("warn");
      expect(deployment.spec.replicas).toBe(3);
      expect(find(objects, "HorizontalPodAutoscaler", "gpen")!.spec.maxReplicas).toBe(4);
      expect(validationErrors(objects)).toEqual([]);
    });

    it("refuses values it does not know or cannot use, naming the field", () => {
      const file = path.join(dir, "bad.yaml");
      fs.writeFileSync(file, "replicas: { min: 3, max: 2 }\nnamspace: gpen\n");
      expect(() => renderApp({ units: ["gpen"], valuesFiles: { gpen: file }, outdir: dir })).toThrow(
        /values of gpen: .*replicas.*namspace|values of gpen: .*namspace.*replicas/,
      );
      expect(() => renderApp({ units: ["nowhere"], outdir: dir })).toThrow(/no unit "nowhere"/);
    });

    it("is rendered for a subgraph as soon as the supergraph joins it", () => {
      const file = path.join(dir, "supergraph.graphql");
      fs.writeFileSync(
        file,
        supergraphSdl.replace(
          /(enum join__Graph \{\n)/,
          `$1  LATE_JOINER @join__graph(name: "late-joiner", url: "http://127.0.0.1:4099/graphql")\n`,
        ),
      );
      const rendered = manifestsOf(renderApp({ supergraphFile: file, units: ["late-joiner"], outdir: dir }));
      const service = find(rendered[0].objects, "Service", "late-joiner")!;
      expect(service.spec.ports[0].port).toBe(4099);
    });
  });
});
