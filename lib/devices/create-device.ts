import { z } from "zod";
import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { ConflictError, parseInput } from "@/lib/errors/domain-errors";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { insertNatsUser } from "@/lib/nats-users/create-nats-user";
import { natsUserName } from "@/lib/nats-users/nats-user-input";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { NATS_NOT_CONNECTED } from "@/lib/streams/org-jetstream";
import { devicePermissions } from "./device-subjects";
import { DEVICE_INCLUDE, deviceView, type DeviceView } from "./device-view";
import { generateLicenseKey } from "./license-key-format";

export const createDeviceInput = z.object({
  name: natsUserName,
  description: z.string("Enter the description as text.").trim().max(500, "Keep the description to 500 characters or fewer.").default(""),
});

/** The license key and the device's `.creds` are in this answer only; Cordon keeps a hash and a public key. */
export type CreatedDevice = { device: DeviceView; licenseKey: string; creds: string };

/**
 * Registers a device: a license key (its public prefix routes the device's
 * subjects; the whole key authenticates the sync endpoint) and a NATS user
 * of kind `device` confined to `events.license.<prefix>.>` plus broadcasts.
 */
export async function createDevice(
  db: Db,
  nats: NatsRuntime | null,
  ctx: OrgContext,
  raw: z.input<typeof createDeviceInput>,
  context: RequestContext,
): Promise<CreatedDevice> {
  ensureCan(ctx, "nats_users:write");
  const input = parseInput(createDeviceInput, raw ?? {}, "name");
  if (!nats) throw new ConflictError(NATS_NOT_CONNECTED);
  // 60 random bits: a prefix clash is vanishingly rare, and the unique index would refuse it.
  const license = generateLicenseKey();
  return db.$transaction(async (tx) => {
    const { row, creds } = await insertNatsUser(tx, nats.keys, ctx, {
      name: input.name,
      kind: "device",
      description: input.description,
      permissions: devicePermissions(license.prefix),
      expiresAt: null,
      maxPayload: null,
      maxSubscriptions: null,
    });
    const device = await tx.device.create({
      data: { orgId: ctx.org.id, natsUserId: row.id, licenseKeyHash: license.hash, licensePrefix: license.prefix },
      include: DEVICE_INCLUDE,
    });
    await recordAudit(tx, {
      action: "device.create",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "device", id: device.id, label: row.name },
      detail: { licensePrefix: license.prefix, natsUserId: row.id, publicKey: row.publicKey },
      context,
    });
    return { device: deviceView(device), licenseKey: license.key, creds };
  });
}
