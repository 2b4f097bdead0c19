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
import type { EjcnContext } from "../loaders";
import { EjcnNotice, EjcnNoticeInput } from "../types/notice";
import { Country, Network } from "../types/stubs";

const NoticeConnection = ConnectionType("EjcnNotice", EjcnNotice);

@Resolver(() => EjcnNotice)
export class EjcnNoticeResolver {
  @Query(() => EjcnNotice, { nullable: true })
  ejcnNotice(@Arg("id", () => ID) id: string, @Ctx() { loaders }: EjcnContext): Promise<EjcnNotice | null> {
    return loaders.noticeById.load(id);
  }

  @Query(() => NoticeConnection, { description: "Notices, newest first, a page at a time." })
  async ejcnNotices(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { prisma }: EjcnContext,
  ): Promise<Connection<EjcnNotice>> {
    const window = pageWindow("ejcnNotices", page);
    const after = parseTimeKey(window.afterKey);
    const rows = await prisma.notice.findMany({
      where: after ? { OR: [{ publishedAt: { lt: after.at } }, { publishedAt: after.at, id: { lt: after.id } }] } : {},
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: window.take,
    });
    return toConnection(
      "ejcnNotices",
      window,
      rows,
      (notice) => timeKey(notice.publishedAt, notice.id),
      () => prisma.notice.count(),
    );
  }

  @Mutation(() => EjcnNotice, { description: "A network admin publishes a notice of their network." })
  async addEjcnNotice(
    @Arg("input", () => EjcnNoticeInput) input: EjcnNoticeInput,
    @Ctx() { viewer, prisma }: EjcnContext,
  ): Promise<EjcnNotice> {
    const admin = requireViewer(viewer);
    requireAllowed(admin, isNetworkAdmin(admin, input.network), "publish notices of this network (its admins only)");
    return prisma.notice.create({ data: { ...checkNotice(input), id: crypto.randomUUID(), publishedAt: now() } });
  }

  @FieldResolver(() => Network)
  network(@Root() notice: EjcnNotice): Network {
    return { id: notice.networkId };
  }

  @FieldResolver(() => Country, { nullable: true })
  country(@Root() notice: EjcnNotice): Country | null {
    return notice.countryCode ? { code: notice.countryCode } : null;
  }
}

@Resolver(() => Network)
export class NetworkEjcnNoticesResolver {
  @FieldResolver(() => [EjcnNotice], { description: "Its notices, newest first (ejcn subgraph)." })
  ejcnNotices(@Root() network: Network, @Ctx() { loaders }: EjcnContext): Promise<EjcnNotice[]> {
    return loaders.noticesByNetwork.load(network.id);
  }
}
