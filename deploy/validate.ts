// Every object checked against the OpenAPI schema of Kubernetes 1.33 that the `kubernetes-models` package ships (its
// 4.5 releases carry the schema of v1.33.0), offline. Field names are checked before that, by the TypeScript types of
// cdk8s-plus-33's imports of the same version.
import { Deployment } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, Service } from "kubernetes-models/v1";

export const kubernetesVersion = "1.33";

/** The kinds the manifests use, each with the model that validates it. */
const models: Record<string, new (data: never) => { validate(): void }> = {
  "apps/v1 Deployment": Deployment,
  "v1 Service": Service,
  "v1 ConfigMap": ConfigMap,
  "policy/v1 PodDisruptionBudget": PodDisruptionBudget,
  "autoscaling/v2 HorizontalPodAutoscaler": HorizontalPodAutoscaler,
};

/** What is wrong with each object, by "Kind/name"; empty when all are valid. */
export function validationErrors(objects: Record<string, unknown>[]): string[] {
  const errors: string[] = [];
  for (const object of objects) {
    const metadata = object.metadata as { name?: string } | undefined;
    const where = `${String(object.kind)}/${metadata?.name ?? "(no name)"}`;
    const Model = models[`${String(object.apiVersion)} ${String(object.kind)}`];
    if (!Model) {
      errors.push(`${where}: no schema here for ${String(object.apiVersion)} ${String(object.kind)}`);
      continue;
    }
    try {
      new Model(object as never).validate();
    } catch (error) {
      errors.push(`${where}: ${(error as Error).message}`);
    }
  }
  return errors;
}
