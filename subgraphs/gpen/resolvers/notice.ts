import crypto from "node:crypto";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { isNetworkAdmin, requireAllowed, requireViewer } from "../../../common/auth";
import { now } from "../../../common/clock";
import {
  ConnectionType,
  PageArgs,
  pageWindow,
  parseTimeKey,
  timeKey,
  toConnection,
  type Connection,
} from "../../../common/pagination";
import { checkNotice } from "../domain";
import type { GpenContext } from "../loaders";
import { GpenNotice, GpenNoticeInput } from "../types/notice";
import { Country, Network } from "../types/stubs";

const NoticeConnection = ConnectionType("GpenNotice", GpenNotice);

@Resolver(() => GpenNotice)
export class GpenNoticeResolver {
  @Query(() => GpenNotice, { nullable: true })
  gpenNotice(@Arg("id", () => ID) id: string, @Ctx() { loaders }: GpenContext): Promise<GpenNotice | null> {
    return loaders.noticeById.load(id);
  }

  @Query(() => NoticeConnection, { description: "Notices, newest first, a page at a time." })
  async gpenNotices(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { prisma }: GpenContext,
  ): Promise<Connection<GpenNotice>> {
    const window = pageWindow("gpenNotices", page);
    const after = parseTimeKey(window.afterKey);
    const rows = await prisma.notice.findMany({
      where: after ? { OR: [{ publishedAt: { lt: after.at } }, { publishedAt: after.at, id: { lt: after.id } }] } : {},
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: window.take,
    });
    return toConnection(
      "gpenNotices",
      window,
      rows,
      (notice) => timeKey(notice.publishedAt, notice.id),
      () => prisma.notice.count(),
    );
  }

  @Mutation(() => GpenNotice, { description: "A network admin publishes a notice of their network." })
  async addGpenNotice(
    @Arg("input", () => GpenNoticeInput) input: GpenNoticeInput,
    @Ctx() { viewer, prisma }: GpenContext,
  ): Promise<GpenNotice> {
    const admin = requireViewer(viewer);
    requireAllowed(admin, isNetworkAdmin(admin, input.network), "publish notices of this network (its admins only)");
    return prisma.notice.create({ data: { ...checkNotice(input), id: crypto.randomUUID(), publishedAt: now() } });
  }

  @FieldResolver(() => Network)
  network(@Root() notice: GpenNotice): Network {
    return { id: notice.networkId };
  }

  @FieldResolver(() => Country, { nullable: true })
  country(@Root() notice: GpenNotice): Country | null {
    return notice.countryCode ? { code: notice.countryCode } : null;
  }
}

@Resolver(() => Network)
export class NetworkGpenNoticesResolver {
  @FieldResolver(() => [GpenNotice], { description: "Its notices, newest first (gpen subgraph)." })
  gpenNotices(@Root() network: Network, @Ctx() { loaders }: GpenContext): Promise<GpenNotice[]> {
    return loaders.noticesByNetwork.load(network.id);
  }
}
