import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { badUserInput } from "../../../common/errors";
import { ConnectionType, PageArgs, pageWindow, toConnection, type Connection } from "../../../common/pagination";
import type { Prisma } from "../../../prisma/ejcn/generated/client";
import type { EjcnContext } from "../loaders";
import { EjcnProduct } from "../types/ejcn";
import { Event } from "../types/stubs";

const ProductConnection = ConnectionType("EjcnProduct", EjcnProduct);
const list = "ejcnProducts";

/** Sort key "<YYYY-MM-DD or nothing>|<id>": newest first, undated last, then by id. */
const productKey = (product: EjcnProduct) => `${product.publishedOn?.toISOString().slice(0, 10) ?? ""}|${product.id}`;

/** The products after a cursor's position, in the list's order (published desc, nulls last; id asc). */
function after(afterKey: string | undefined): Prisma.ProductWhereInput {
  if (afterKey === undefined) return {};
  const separator = afterKey.indexOf("|");
  const day = afterKey.slice(0, separator);
  const id = afterKey.slice(separator + 1);
  if (separator < 0 || id === "" || (day !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(day)))
    throw badUserInput("after is not a cursor of this list", "after");
  if (day === "") return { publishedOn: null, id: { gt: id } };
  const publishedOn = new Date(`${day}T00:00:00Z`);
  return { OR: [{ publishedOn: { lt: publishedOn } }, { publishedOn, id: { gt: id } }, { publishedOn: null }] };
}

@Resolver(() => EjcnProduct)
export class EjcnProductResolver {
  @Query(() => ProductConnection, {
    nullable: true,
    description: "The EJCN's products, newest first (undated last), a page at a time.",
  })
  async ejcnProducts(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { prisma }: EjcnContext,
  ): Promise<Connection<EjcnProduct>> {
    const window = pageWindow(list, page);
    const rows = await prisma.product.findMany({
      where: after(window.afterKey),
      orderBy: [{ publishedOn: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      take: window.take,
    });
    return toConnection(list, window, rows, productKey, () => prisma.product.count());
  }

  @FieldResolver(() => Event, { nullable: true, description: "The plenary where it was presented (events subgraph)." })
  presentedAt(@Root() product: EjcnProduct): Event | null {
    return product.presentedAtEventId ? { id: product.presentedAtEventId } : null;
  }
}
