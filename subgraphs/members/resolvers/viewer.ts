import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { MembersContext } from "../loaders";
import { Authority } from "../types/authority";
import { Network } from "../types/network";
import { Viewer, ViewerNetwork } from "../types/viewer";

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { nullable: true, description: "Who the gateway takes you to be; null when anonymous." })
  me(@Ctx() { viewer }: MembersContext): Viewer | null {
    if (!viewer) return null;
    return {
      sub: viewer.sub,
      name: viewer.name,
      analyst: viewer.analyst,
      authorityId: viewer.authorityId,
      networks: Object.entries(viewer.networks).map(([networkId, roles]) => ({ networkId, roles })),
    };
  }

  @FieldResolver(() => Authority, { nullable: true })
  authority(@Root() viewer: Viewer, @Ctx() { loaders }: MembersContext): Promise<Authority | null> {
    return viewer.authorityId ? loaders.authorityById.load(viewer.authorityId) : Promise.resolve(null);
  }
}

@Resolver(() => ViewerNetwork)
export class ViewerNetworkResolver {
  @FieldResolver(() => Network, {
    nullable: true,
    description: "Null when the token names a network the graph does not know.",
  })
  network(@Root() entry: ViewerNetwork, @Ctx() { loaders }: MembersContext): Promise<Network | null> {
    return loaders.networkById.load(entry.networkId);
  }
}
