// The Kubernetes objects of one deployable unit, typed with cdk8s and the Kubernetes 1.33 API (cdk8s-plus-33's `k8s`
// imports): a Deployment with readiness (/ready) and liveness (/health) probes, a Service, a PodDisruptionBudget and a
// HorizontalPodAutoscaler each; the gateway also its supergraph as a ConfigMap; each subgraph its migrations and seed
// as an init container. Keys and database URLs are references to Secrets the operator creates.
import { Chart, type App } from "cdk8s";
import { k8s } from "cdk8s-plus-33";
import { subgraphEnvName } from "../common/config";
import { databasePoolSize } from "./sizing";
import { resourcesOf, type GatewayValues, type SubgraphValues } from "./values";

export const partOf = "cybercrime-networks-graph";
const node = ["node", "-r", "@swc-node/register"];
const supergraphDir = "/etc/graph/supergraph";
const signingKeysDir = "/etc/graph/signing-keys";
/** The image's `node` user: nothing runs as root. */
const nodeUser = 1000;

type Resources = ReturnType<typeof resourcesOf>;

const labelsOf = (name: string, component: "gateway" | "subgraph") => ({
  "app.kubernetes.io/name": name,
  "app.kubernetes.io/component": component,
  "app.kubernetes.io/part-of": partOf,
});

const plain = (env: Record<string, string>): k8s.EnvVar[] =>
  Object.entries(env).map(([name, value]) => ({ name, value }));

const fromSecret = (name: string, secret: { name: string; key: string }): k8s.EnvVar => ({
  name,
  valueFrom: { secretKeyRef: { name: secret.name, key: secret.key } },
});

function resourceRequirements(resources: Resources): k8s.ResourceRequirements {
  return {
    requests: {
      cpu: k8s.Quantity.fromString(resources.cpu.request),
      memory: k8s.Quantity.fromString(resources.memory.request),
    },
    limits: {
      cpu: k8s.Quantity.fromString(resources.cpu.limit),
      memory: k8s.Quantity.fromString(resources.memory.limit),
    },
  };
}

const containerSecurity: k8s.SecurityContext = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ["ALL"] },
};

/** Probes on the port named `http`: ready when its dependencies answer, alive while the process answers. */
function probes(): Pick<k8s.Container, "readinessProbe" | "livenessProbe" | "startupProbe"> {
  const get = (path: string) => ({ path, port: k8s.IntOrString.fromString("http") });
  return {
    // Out of the Service within 10 s of a dependency failing, back as soon as it answers.
    readinessProbe: { httpGet: get("/ready"), periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 2 },
    livenessProbe: { httpGet: get("/health"), periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
    // Compiling the TypeScript at start takes a few seconds (5 to 10 s measured by the replica test).
    startupProbe: { httpGet: get("/health"), periodSeconds: 2, timeoutSeconds: 3, failureThreshold: 60 },
  };
}

/**
 * The objects every unit has: its Deployment (pods spread over nodes, rolled one at a time with none taken away
 * first), a Service, a PodDisruptionBudget that keeps all but one replica through a node drain, and an autoscaler on
 * CPU. `pod` gives the unit's containers and volumes.
 */
function serviceObjects(
  chart: Chart,
  options: {
    name: string;
    component: "gateway" | "subgraph";
    port: number;
    resources: Resources;
    pod: Omit<k8s.PodSpec, "securityContext" | "terminationGracePeriodSeconds" | "topologySpreadConstraints">;
  },
): void {
  const { name, component, port, resources } = options;
  const labels = labelsOf(name, component);
  const selector = { matchLabels: { "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": partOf } };
  new k8s.KubeDeployment(chart, "deployment", {
    metadata: { name, labels },
    spec: {
      replicas: resources.replicas.min,
      selector,
      strategy: {
        type: "RollingUpdate",
        rollingUpdate: { maxUnavailable: k8s.IntOrString.fromNumber(0), maxSurge: k8s.IntOrString.fromNumber(1) },
      },
      template: {
        metadata: { labels },
        spec: {
          ...options.pod,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: nodeUser,
            runAsGroup: nodeUser,
            fsGroup: nodeUser,
            seccompProfile: { type: "RuntimeDefault" },
          },
          // preStop's 5 s (the Service stops sending new requests) + SHUTDOWN_GRACE_SECONDS (10 s) for requests in
          // flight, and room to close the database.
          terminationGracePeriodSeconds: 30,
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: "kubernetes.io/hostname",
              whenUnsatisfiable: "ScheduleAnyway",
              labelSelector: selector,
            },
          ],
        },
      },
    },
  });
  new k8s.KubeService(chart, "service", {
    metadata: { name, labels },
    spec: {
      type: "ClusterIP",
      selector: selector.matchLabels,
      ports: [{ name: "http", port, targetPort: k8s.IntOrString.fromString("http") }],
    },
  });
  new k8s.KubePodDisruptionBudget(chart, "disruption-budget", {
    metadata: { name, labels },
    spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector },
  });
  new k8s.KubeHorizontalPodAutoscalerV2(chart, "autoscaler", {
    metadata: { name, labels },
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name },
      minReplicas: resources.replicas.min,
      maxReplicas: resources.replicas.max,
      metrics: [
        {
          type: "Resource",
          resource: { name: "cpu", target: { type: "AverageValue", averageValue: k8s.Quantity.fromString("700m") } },
        },
      ],
    },
  });
}

/** The server container of a unit: its command, port, environment (the values' `env` last), probes, resources. */
function serverContainer(options: {
  name: string;
  image: string;
  command: string[];
  port: number;
  secrets: k8s.EnvVar[];
  env: Record<string, string>;
  resources: Resources;
  volumeMounts?: k8s.VolumeMount[];
}): k8s.Container {
  return {
    name: options.name,
    image: options.image,
    command: options.command,
    ports: [{ name: "http", containerPort: options.port }],
    env: [
      ...options.secrets,
      ...plain({
        NODE_ENV: "production",
        // V8's heap stops below the memory limit: a heap that grows past it fails in Node, not by the OOM killer.
        NODE_OPTIONS: `--max-old-space-size=${options.resources.heapMi}`,
        ...options.env,
      }),
    ],
    ...probes(),
    // The Service takes the pod out before the server stops taking connections.
    lifecycle: { preStop: { exec: { command: ["sleep", "5"] } } },
    resources: resourceRequirements(options.resources),
    securityContext: containerSecurity,
    volumeMounts: options.volumeMounts,
  };
}

/** One subgraph as its own deployable unit. */
export class SubgraphChart extends Chart {
  constructor(app: App, subgraph: { name: string; port: number }, values: SubgraphValues) {
    super(app, subgraph.name, { namespace: values.namespace, disableResourceNameHashes: true });
    const { name, port } = subgraph;
    const resources = resourcesOf(name, values);
    const database = fromSecret("DATABASE_URL", values.database ?? { name: `${name}-database`, key: "url" });
    const gateway = values.gatewayUrl ?? `http://gateway.${values.namespace}.svc.cluster.local:4000`;
    serviceObjects(this, {
      name,
      component: "subgraph",
      port,
      resources,
      pod: {
        // Migrations and seed under the subgraph's start-up lock, before the server starts: replicas starting
        // together wait for one another there, and no liveness probe can kill a long migration half-way.
        initContainers: [
          {
            name: "migrate",
            image: values.image,
            command: [...node, "scripts/migrate.ts", name],
            env: [database, ...plain({ NODE_ENV: "production", ...values.env })],
            resources: resourceRequirements(resources),
            securityContext: containerSecurity,
          },
        ],
        containers: [
          serverContainer({
            name: "subgraph",
            image: values.image,
            command: [...node, "scripts/start-subgraph.ts", name],
            port,
            resources,
            secrets: [database],
            env: {
              SUBGRAPH_HOST: "0.0.0.0",
              [subgraphEnvName(name, "PORT")]: String(port),
              // Connections to PostgreSQL are counted per replica: README, "Running at scale".
              DATABASE_POOL_SIZE: String(databasePoolSize),
              GATEWAY_JWKS_URL: `${gateway}/.well-known/jwks.json`,
              GATEWAY_URL: `${gateway}/graphql`,
              ...values.env,
            },
          }),
        ],
      },
    });
  }
}

/** The gateway, with the supergraph it serves as a ConfigMap it watches (a change reaches it without a restart). */
export class GatewayChart extends Chart {
  constructor(
    app: App,
    supergraph: { sdl: string; subgraphs: { name: string; port: number }[] },
    values: GatewayValues,
  ) {
    super(app, "gateway", { namespace: values.namespace, disableResourceNameHashes: true });
    const resources = resourcesOf("gateway", values);
    new k8s.KubeConfigMap(this, "supergraph", {
      metadata: { name: "supergraph", labels: labelsOf("gateway", "gateway") },
      data: { "supergraph.graphql": supergraph.sdl },
    });
    const urls = Object.fromEntries(
      supergraph.subgraphs.map(({ name, port }) => [
        subgraphEnvName(name, "URL"),
        values.subgraphUrls[name] ?? `http://${name}.${values.namespace}.svc.cluster.local:${port}/graphql`,
      ]),
    );
    serviceObjects(this, {
      name: "gateway",
      component: "gateway",
      port: values.port,
      resources,
      pod: {
        containers: [
          serverContainer({
            name: "gateway",
            image: values.image,
            command: [...node, "scripts/start-gateway.ts"],
            port: values.port,
            resources,
            secrets: [
              ...(values.jwtSecret ? [fromSecret("JWT_SECRET", values.jwtSecret)] : []),
              ...(values.rateLimitDatabase
                ? [fromSecret("GATEWAY_RATE_LIMIT_DATABASE_URL", values.rateLimitDatabase)]
                : []),
            ],
            env: {
              HOST: "0.0.0.0",
              PORT: String(values.port),
              // Mounted as a directory, never with subPath: the kubelet then updates the file in place.
              GATEWAY_SUPERGRAPH_FILE: `${supergraphDir}/supergraph.graphql`,
              GATEWAY_SIGNING_KEYS_FILE: `${signingKeysDir}/${values.signingKeys.key}`,
              // Subgraphs in the cluster are reached over its network by Service name.
              ALLOW_PLAIN_HTTP_SUBGRAPHS: "true",
              ...urls,
              ...values.env,
            },
            volumeMounts: [
              { name: "supergraph", mountPath: supergraphDir, readOnly: true },
              { name: "signing-keys", mountPath: signingKeysDir, readOnly: true },
            ],
          }),
        ],
        volumes: [
          { name: "supergraph", configMap: { name: "supergraph" } },
          {
            name: "signing-keys",
            secret: {
              secretName: values.signingKeys.name,
              items: [{ key: values.signingKeys.key, path: values.signingKeys.key }],
              defaultMode: 0o440,
            },
          },
        ],
      },
    });
  }
}
