import { isDeepStrictEqual } from "node:util";
import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { ConflictError, parseInput, ValidationError } from "@/lib/errors/domain-errors";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { NATS_NOT_CONNECTED } from "@/lib/streams/org-jetstream";
import { lockNatsUser } from "./lock-nats-user";
import { ensureFutureExpiry, updateNatsUserInput, type UpdateNatsUserInput } from "./nats-user-input";
import { NATS_USER_INCLUDE, natsUserView, storedPermissions, type NatsUserView } from "./nats-user-view";
import type { NatsPermissionSpec } from "./permission-spec";
import { pushRevocations, type RevocationPush } from "./push-revocations";
import { rotateUserKey } from "./rotate-user-key";

/** `creds` (shown once) when the change needed new credentials; `push` says whether the old key is cut off yet. */
export type UpdatedNatsUser = { user: NatsUserView; creds?: string; push?: RevocationPush };

type Changes = {
  description?: string;
  permissions?: NatsPermissionSpec;
  expiresAt?: Date | null;
  maxPayload?: number | null;
  maxSubscriptions?: number | null;
};

// What the JWT carries: changing any of these needs new credentials.
const JWT_FIELDS = ["permissions", "expiresAt", "maxPayload", "maxSubscriptions"] as const;

/**
 * Changes a user. A user holds its JWT, so new permissions, expiry or limits
 * take effect only with new credentials: the change issues them on a rotated
 * key (returned once) and revokes the old key, whose JWT would otherwise keep
 * the old permissions. A description alone changes only the row.
 */
export async function updateNatsUser(
  db: Db,
  nats: NatsRuntime | null,
  ctx: OrgContext,
  id: string,
  raw: UpdateNatsUserInput,
  context: RequestContext,
): Promise<UpdatedNatsUser> {
  ensureCan(ctx, "nats_users:write");
  const input = parseInput(updateNatsUserInput, raw ?? {}, "permissions");
  const result = await db.$transaction(async (tx) => {
    const user = await lockNatsUser(tx, ctx.org.id, id);
    if (user.revokedAt) throw new ConflictError("This user is revoked and cannot be changed; create a new user instead.");
    const current: Required<Changes> = { ...user, permissions: storedPermissions(user) };
    const changes: Changes = Object.fromEntries(
      Object.entries(input).filter(([field, value]) => value !== undefined && !isDeepStrictEqual(value, current[field as keyof Changes])),
    );
    if (!Object.keys(changes).length) return { user: natsUserView(user) };
    if (user.kind === "device" && changes.permissions)
      throw new ValidationError("A device's subjects follow from its license key and cannot be edited.", "permissions");
    const reissue = JWT_FIELDS.some((field) => field in changes);
    let rotated: Awaited<ReturnType<typeof rotateUserKey>> | null = null;
    if (reissue) {
      if (!nats) throw new ConflictError(NATS_NOT_CONNECTED);
      // New credentials carry the expiry they would have: a past one would make them useless.
      ensureFutureExpiry(changes.expiresAt !== undefined ? changes.expiresAt : user.expiresAt, new Date());
      rotated = await rotateUserKey(tx, nats.keys, ctx, user, changes);
    }
    const row = rotated?.row ?? (await tx.natsUser.update({ where: { id: user.id }, data: changes, include: NATS_USER_INCLUDE }));
    await recordAudit(tx, {
      action: "nats_user.update",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "nats_user", id: row.id, label: row.name },
      detail: {
        changed: Object.keys(changes),
        ...(changes.permissions ? { before: { permissions: current.permissions }, after: { permissions: changes.permissions } } : {}),
        ...(rotated ? { revokedKey: rotated.previousKey, publicKey: row.publicKey } : {}),
      },
      context,
    });
    return { user: natsUserView(row), creds: rotated?.creds };
  });
  if (!result.creds) return result;
  return { ...result, push: await pushRevocations(db, nats, ctx.org.id, auditActor(ctx)) };
}
