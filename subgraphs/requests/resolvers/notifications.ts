import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { Guard, isLoopbackHost, isNetworkAdminAnywhere, requireAllowed, type Viewer } from "../../../common/auth";
import { now } from "../../../common/clock";
import { isProduction } from "../../../common/config";
import { badUserInput } from "../../../common/errors";
import { emailAddress } from "../../../common/validation";
import type { RequestsContext } from "../loaders";
import { toSettings } from "../rows";
import { NotificationDelivery, NotificationSettings, NotificationSettingsInput } from "../types/notifications";
import { Authority } from "../types/stubs";

const maxEmails = 10;
const minSecretLength = 32;

/** An authority's admins: network admins who act for it. */
const adminOf = (viewer: Viewer | null, authorityId: string) =>
  viewer?.authorityId === authorityId && isNetworkAdminAnywhere(viewer);
/** Its admins, and the networks' admins, who see what could not be delivered. */
const overseerOf = (viewer: Viewer | null, authorityId: string) =>
  adminOf(viewer, authorityId) || isNetworkAdminAnywhere(viewer);

/** https, or http to this machine outside production (a receiver in development or in the tests). */
function webhookUrl(value: string | null | undefined, field: string): string | null {
  if (value == null) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badUserInput("webhookUrl must be an absolute https URL", field);
  }
  const local = url.protocol === "http:" && isLoopbackHost(url.hostname.replace(/^\[|\]$/g, "")) && !isProduction();
  if ((url.protocol !== "https:" && !local) || url.username || url.password || url.hash)
    throw badUserInput("webhookUrl must be an https URL without credentials or fragment", field);
  return url.toString();
}

@Resolver(() => Authority)
export class AuthorityNotificationsResolver {
  @FieldResolver(() => NotificationSettings, {
    nullable: true,
    description: "Where the authority is told of requests; null until its admins set it. For its admins.",
  })
  @Guard<Authority>((viewer, authority) => adminOf(viewer, authority.id), "notification settings")
  notificationSettings(
    @Root() authority: Authority,
    @Ctx() { loaders }: RequestsContext,
  ): Promise<NotificationSettings | null> {
    return loaders.notificationSettingsByAuthority.load(authority.id);
  }

  @FieldResolver(() => [NotificationDelivery], {
    nullable: true,
    description: "Notifications to the authority that could not be delivered. For its admins and network admins.",
  })
  @Guard<Authority>((viewer, authority) => overseerOf(viewer, authority.id), "parked notifications")
  parkedNotifications(
    @Root() authority: Authority,
    @Ctx() { loaders }: RequestsContext,
  ): Promise<NotificationDelivery[]> {
    return loaders.parkedNotificationsByAuthority.load(authority.id);
  }

  @Mutation(() => NotificationSettings, {
    description: "An authority's admins set where it is told of requests: e-mail addresses, a webhook, a language.",
  })
  async setNotificationSettings(
    @Arg("authority", () => ID) authorityId: string,
    @Arg("input", () => NotificationSettingsInput) input: NotificationSettingsInput,
    @Ctx() { viewer, loaders }: RequestsContext,
  ): Promise<NotificationSettings> {
    const admin = requireAllowed(
      viewer,
      adminOf(viewer, authorityId),
      "set the notification settings of this authority (its admins only)",
    );
    if (input.emails.length > maxEmails) throw badUserInput(`at most ${maxEmails} addresses`, "input.emails");
    const emails = [
      ...new Set(
        input.emails.map((email, index) => emailAddress(email.trim(), `input.emails.${index}`)!.toLowerCase()),
      ),
    ];
    const url = webhookUrl(input.webhookUrl, "input.webhookUrl");
    const current = await loaders.db.notificationSettings.findUnique({ where: { authorityId } });
    if (input.webhookSecret != null && input.webhookSecret.length < minSecretLength)
      throw badUserInput(`webhookSecret must be at least ${minSecretLength} characters`, "input.webhookSecret");
    const secret = url ? (input.webhookSecret ?? current?.webhookSecret ?? null) : null;
    if (url && !secret) throw badUserInput("a webhook needs a webhookSecret to sign its calls", "input.webhookSecret");
    const values = {
      emails,
      webhookUrl: url,
      webhookSecret: secret,
      language: input.language.toLowerCase(),
      updatedAt: now(),
      updatedBy: admin.sub,
    };
    return toSettings(
      await loaders.db.notificationSettings.upsert({
        where: { authorityId },
        create: { authorityId, ...values },
        update: values,
      }),
    );
  }
}
