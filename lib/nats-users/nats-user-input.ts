import { z } from "zod";
import { ValidationError } from "@/lib/errors/domain-errors";
import { natsPermissionSpec } from "./permission-spec";

export const NATS_USER_KINDS = ["app", "service", "device", "leaf"] as const;
/** The kinds created as plain users; a device comes with a license key (lib/devices). */
export const PLAIN_USER_KINDS = ["app", "service", "leaf"] as const;

const MAX_DESCRIPTION = 500;
// Ten years: beyond that "never" is the honest choice.
const MAX_LIFETIME_MS = 10 * 365 * 24 * 3600 * 1000;

/** Form fields arrive as strings; an empty one (or null) means "not given". */
const blankToNull = (value: unknown) => (value === "" || value === null ? null : value);

export const natsUserName = z
  .string("Enter a name for the user.")
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, "A name is 1 to 64 letters, digits, '.', '-' or '_', starting with a letter or a digit.");

const description = z.string("Enter the description as text.").trim().max(MAX_DESCRIPTION, `Keep the description to ${MAX_DESCRIPTION} characters or fewer.`);

/** An exact expiry (an ISO date or date-time); null never expires. Checked against the clock by `ensureFutureExpiry`. */
const expiresAt = z.preprocess(blankToNull, z.coerce.date({ error: "Enter a valid expiry date." }).nullable());

const limit = (what: string) =>
  z.preprocess(
    blankToNull,
    z.coerce
      .number({ error: `Enter the ${what} as a number.` })
      .int(`Enter the ${what} as a whole number.`)
      .positive(`The ${what} must be more than zero, or empty for no limit.`)
      .max(2 ** 31 - 1, `The ${what} is too large; leave it empty for no limit.`)
      .nullable(),
  );

export const createNatsUserInput = z.object({
  name: natsUserName,
  kind: z.enum(NATS_USER_KINDS, "Choose app, service or leaf.").default("app"),
  description: description.default(""),
  permissions: natsPermissionSpec,
  expiresAt: expiresAt.default(null),
  /** The user JWT's `payload` (bytes per message) and `subs` limits; nats-server has no per-user connection limit. */
  maxPayload: limit("max payload").default(null),
  maxSubscriptions: limit("max subscriptions").default(null),
});

export type CreateNatsUserInput = z.input<typeof createNatsUserInput>;

export const updateNatsUserInput = z.object({
  description: description.optional(),
  permissions: natsPermissionSpec.optional(),
  expiresAt: expiresAt.optional(),
  maxPayload: limit("max payload").optional(),
  maxSubscriptions: limit("max subscriptions").optional(),
});

export type UpdateNatsUserInput = z.input<typeof updateNatsUserInput>;

/** Renewing credentials: keep the user's expiry, or set a new one (`expiresAt`, or `ttlSeconds` from now, for short-lived creds). */
export const renewCredsInput = z.object({
  expiresAt: expiresAt.optional(),
  ttlSeconds: z
    .number("Enter ttlSeconds as a number.")
    .int("Enter ttlSeconds as a whole number of seconds.")
    .min(60, "Credentials live at least 60 seconds.")
    .max(MAX_LIFETIME_MS / 1000, "Credentials live at most ten years; omit the expiry for credentials that never expire.")
    .optional(),
});

export type RenewCredsInput = z.input<typeof renewCredsInput>;

/** An expiry must lie ahead (a JWT born expired is useless) and within ten years. */
export function ensureFutureExpiry(expiry: Date | null, now: Date): Date | null {
  if (expiry === null) return null;
  if (expiry.getTime() <= now.getTime()) throw new ValidationError("The expiry must be in the future.", "expiresAt");
  if (expiry.getTime() - now.getTime() > MAX_LIFETIME_MS)
    throw new ValidationError("An expiry is at most ten years away; leave it empty for never.", "expiresAt");
  return expiry;
}
