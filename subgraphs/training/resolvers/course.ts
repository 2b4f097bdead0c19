import crypto from "node:crypto";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { isNetworkAdmin, requireAllowed, requireViewer, type Viewer } from "../../../common/auth";
import { ConnectionType, PageArgs, pageWindow, toConnection, type Connection } from "../../../common/pagination";
import { found, stored } from "../../../common/validation";
import { checkCourse, checkMaterial, checkSession, courseFilterWhere, courseFromRow } from "../domain";
import type { TrainingContext } from "../loaders";
import {
  Course,
  CourseFilter,
  CourseInput,
  Material,
  MaterialInput,
  TrainingSession,
  TrainingSessionInput,
} from "../types/course";
import { Country, Event, Network } from "../types/stubs";

const CourseConnection = ConnectionType("Course", Course);

/** Network admins manage the courses of their networks; a course of several networks needs an admin of each. */
const administers = (viewer: Viewer | null, networkIds: string[]) =>
  networkIds.length > 0 && networkIds.every((networkId) => isNetworkAdmin(viewer, networkId));

@Resolver(() => Course)
export class CourseResolver {
  @Query(() => Course, { nullable: true })
  course(@Arg("id", () => ID) id: string, @Ctx() { loaders }: TrainingContext): Promise<Course | null> {
    return loaders.courseById.load(id);
  }

  @Query(() => CourseConnection, {
    nullable: true,
    description: "The training catalogue by id, filtered, a page at a time.",
  })
  async courses(
    @Arg("filter", () => CourseFilter, { nullable: true }) filter: CourseFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { prisma }: TrainingContext,
  ): Promise<Connection<Course>> {
    const window = pageWindow("courses", page);
    const where = { AND: courseFilterWhere(filter) };
    const rows = await prisma.course.findMany({
      where: window.afterKey ? { AND: [where, { id: { gt: window.afterKey } }] } : where,
      orderBy: { id: "asc" },
      take: window.take,
      omit: { searchText: true },
    });
    return toConnection(
      "courses",
      window,
      rows.map(courseFromRow),
      (course) => course.id,
      () => prisma.course.count({ where }),
    );
  }

  @Mutation(() => Course, { description: "A network admin adds a course of their networks." })
  async createCourse(
    @Arg("input", () => CourseInput) input: CourseInput,
    @Ctx() { viewer, prisma }: TrainingContext,
  ): Promise<Course> {
    requireAllowed(
      requireViewer(viewer),
      administers(viewer, input.networks),
      "add courses to networks you do not administer",
    );
    return courseFromRow(
      await prisma.course.create({
        data: { ...checkCourse(input), id: crypto.randomUUID() },
        omit: { searchText: true },
      }),
    );
  }

  @Mutation(() => Course, { description: "An admin of all its networks replaces a course's details." })
  async updateCourse(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => CourseInput) input: CourseInput,
    @Ctx() { viewer, prisma }: TrainingContext,
  ): Promise<Course> {
    const existing = await this.managed(id, viewer, prisma);
    requireAllowed(
      viewer,
      administers(viewer, [...new Set([...existing.networkIds, ...input.networks])]),
      "move courses to networks you do not administer",
    );
    return courseFromRow(
      await prisma.course.update({ where: { id }, data: checkCourse(input), omit: { searchText: true } }),
    );
  }

  @Mutation(() => TrainingSession, { description: "A network admin records a delivery of one of their courses." })
  async createTrainingSession(
    @Arg("input", () => TrainingSessionInput) input: TrainingSessionInput,
    @Ctx() { viewer, prisma }: TrainingContext,
  ): Promise<TrainingSession> {
    await this.managed(input.course, viewer, prisma, "input.course");
    return prisma.trainingSession.create({ data: { ...checkSession(input), id: crypto.randomUUID() } });
  }

  @Mutation(() => Material, {
    description: "A network admin adds a material (or a language version of one) to one of their courses.",
  })
  async addMaterial(
    @Arg("input", () => MaterialInput) input: MaterialInput,
    @Ctx() { viewer, prisma }: TrainingContext,
  ): Promise<Material> {
    await this.managed(input.course, viewer, prisma, "input.course");
    const id = crypto.randomUUID();
    return prisma.material.create({
      data: { ...checkMaterial(input), id, translationGroup: input.translationGroup ?? id },
    });
  }

  /** The course, if the viewer administers all its networks; a missing course is an error at `field`. */
  private async managed(id: string, viewer: Viewer | null, prisma: TrainingContext["prisma"], field?: string) {
    requireViewer(viewer);
    const course = found(await prisma.course.findUnique({ where: { id } }), `course "${id}"`, field);
    requireAllowed(viewer, administers(viewer, course.networkIds), "manage courses of networks you do not administer");
    return course;
  }

  @FieldResolver(() => [Network], { nullable: true })
  networks(@Root() course: Course): Network[] {
    return course.networkIds.map((id) => ({ id }));
  }

  @FieldResolver(() => [TrainingSession], { description: "Deliveries, in start order." })
  sessions(@Root() course: Course, @Ctx() { loaders }: TrainingContext): Promise<TrainingSession[]> {
    return loaders.sessionsByCourse.load(course.id);
  }

  @FieldResolver(() => [Material])
  materials(@Root() course: Course, @Ctx() { loaders }: TrainingContext): Promise<Material[]> {
    return loaders.materialsByCourse.load(course.id);
  }
}

@Resolver(() => TrainingSession)
export class TrainingSessionResolver {
  @FieldResolver(() => Course)
  async course(@Root() session: TrainingSession, @Ctx() { loaders }: TrainingContext): Promise<Course> {
    return stored(await loaders.courseById.load(session.courseId), `course "${session.courseId}"`);
  }

  @FieldResolver(() => Country, { nullable: true })
  country(@Root() session: TrainingSession): Country | null {
    return session.countryCode ? { code: session.countryCode } : null;
  }

  @FieldResolver(() => [Country], { nullable: true })
  participatingCountries(@Root() session: TrainingSession): Country[] {
    return session.participatingCountries.map((code) => ({ code }));
  }

  @FieldResolver(() => Event, { nullable: true, description: "The event it was part of." })
  event(@Root() session: TrainingSession): Event | null {
    return session.eventId ? { id: session.eventId } : null;
  }
}

@Resolver(() => Material)
export class MaterialResolver {
  @FieldResolver(() => [Material], { description: "The other language versions of this material." })
  async translations(@Root() material: Material, @Ctx() { loaders }: TrainingContext): Promise<Material[]> {
    const versions = await loaders.materialsByGroup.load(material.translationGroup);
    return versions.filter((version) => version.id !== material.id);
  }
}

@Resolver(() => Network)
export class NetworkCoursesResolver {
  @FieldResolver(() => [Course], { nullable: true, description: "Its courses, by title." })
  courses(@Root() network: Network, @Ctx() { loaders }: TrainingContext): Promise<Course[]> {
    return loaders.coursesByNetwork.load(network.id);
  }
}

@Resolver(() => Country)
export class CountryTrainingSessionsResolver {
  @FieldResolver(() => [TrainingSession], {
    nullable: true,
    description: "Training held there or with its participants, in start order.",
  })
  trainingSessions(@Root() country: Country, @Ctx() { loaders }: TrainingContext): Promise<TrainingSession[]> {
    return loaders.sessionsByCountry.load(country.code);
  }
}
