import type { Device, NatsUser, Prisma } from "@/generated/prisma/client";
import { natsUserStatus, type NatsUserStatus } from "@/lib/nats-users/nats-user-view";
import { deviceSubject } from "./device-subjects";

/** A device as the console and the API show it: the license key's public prefix only. */
export type DeviceView = {
  id: string;
  name: string;
  description: string;
  licensePrefix: string;
  /** Its traffic's subjects (`events.license.<prefix>.>`). */
  subject: string;
  natsUserId: string;
  publicKey: string;
  status: NatsUserStatus;
  lastSeenAt: string | null;
  createdAt: string;
  revokedAt: string | null;
};

export const DEVICE_INCLUDE = { natsUser: true } as const satisfies Prisma.DeviceInclude;

export function deviceView(device: Device & { natsUser: NatsUser }): DeviceView {
  return {
    id: device.id,
    name: device.natsUser.name,
    description: device.natsUser.description,
    licensePrefix: device.licensePrefix,
    subject: deviceSubject(device.licensePrefix),
    natsUserId: device.natsUserId,
    publicKey: device.natsUser.publicKey,
    status: natsUserStatus(device.natsUser),
    lastSeenAt: device.lastSeenAt?.toISOString() ?? null,
    createdAt: device.createdAt.toISOString(),
    revokedAt: device.revokedAt?.toISOString() ?? null,
  };
}
