import type { Db } from "@/lib/db/client";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { DEVICE_INCLUDE, deviceView, type DeviceView } from "./device-view";

/** The org's devices, newest first, revoked ones included. */
export async function listDevices(db: Db, ctx: OrgContext): Promise<DeviceView[]> {
  ensureCan(ctx, "nats_users:read");
  const devices = await db.device.findMany({ where: { orgId: ctx.org.id }, include: DEVICE_INCLUDE, orderBy: { createdAt: "desc" } });
  return devices.map(deviceView);
}
