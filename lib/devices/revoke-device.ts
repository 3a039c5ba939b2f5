import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/is-uuid";
import { ConflictError, NotFoundError } from "@/lib/errors/domain-errors";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { lockNatsUser } from "@/lib/nats-users/lock-nats-user";
import { pushRevocations, type RevocationPush } from "@/lib/nats-users/push-revocations";
import { revokeUserKey } from "@/lib/nats-users/revoke-user-key";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { DEVICE_INCLUDE, deviceView, type DeviceView } from "./device-view";

/**
 * Revokes a device: its license key stops working for sync at once, and its
 * NATS user's key is revoked and the account pushed, so the servers cut it off.
 */
export async function revokeDevice(
  db: Db,
  nats: NatsRuntime | null,
  ctx: OrgContext,
  id: string,
  context: RequestContext,
): Promise<{ device: DeviceView; push: RevocationPush }> {
  ensureCan(ctx, "nats_users:write");
  const device = await db.$transaction(async (tx) => {
    const found = isUuid(id) ? await tx.device.findFirst({ where: { id, orgId: ctx.org.id } }) : null;
    if (!found) throw new NotFoundError("Device");
    const user = await lockNatsUser(tx, ctx.org.id, found.natsUserId);
    if (found.revokedAt) throw new ConflictError("This device is already revoked.");
    const now = new Date();
    if (!user.revokedAt) {
      await revokeUserKey(tx, ctx.org.id, user.publicKey, user.expiresAt, now);
      await tx.natsUser.update({ where: { id: user.id }, data: { revokedAt: now } });
    }
    const revoked = await tx.device.update({ where: { id: found.id }, data: { revokedAt: now }, include: DEVICE_INCLUDE });
    await recordAudit(tx, {
      action: "device.revoke",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "device", id: found.id, label: user.name },
      detail: { licensePrefix: found.licensePrefix, publicKey: user.publicKey },
      context,
    });
    return deviceView(revoked);
  });
  return { device, push: await pushRevocations(db, nats, ctx.org.id, auditActor(ctx)) };
}
