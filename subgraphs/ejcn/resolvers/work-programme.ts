import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { ejcnId } from "../domain";
import type { EjcnContext } from "../loaders";
import { WorkProgramme } from "../types/ejcn";
import { Event, Network } from "../types/stubs";

@Resolver(() => WorkProgramme)
export class WorkProgrammeResolver {
  @FieldResolver(() => Network, { nullable: true })
  network(): Network {
    return { id: ejcnId };
  }

  @FieldResolver(() => Event, { nullable: true, description: "The plenary that adopted it (events subgraph)." })
  adoptedAt(@Root() programme: WorkProgramme): Event | null {
    return programme.adoptedAtEventId ? { id: programme.adoptedAtEventId } : null;
  }
}

@Resolver(() => Network)
export class NetworkWorkProgrammesResolver {
  @FieldResolver(() => [WorkProgramme], {
    nullable: true,
    description: "The EJCN's work programmes, oldest first (ejcn subgraph); none for other networks.",
  })
  workProgrammes(@Root() network: Network, @Ctx() { loaders }: EjcnContext): Promise<WorkProgramme[]> {
    return loaders.workProgrammesByNetwork.load(network.id);
  }
}
