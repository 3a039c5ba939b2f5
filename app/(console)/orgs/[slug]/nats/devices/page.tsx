import type { Metadata } from "next";
import { NoAccess } from "@/components/console/no-access";
import { PageHeader } from "@/components/console/page-header";
import { CreateDeviceForm } from "@/components/devices/create-device-form";
import { DevicesTable } from "@/components/devices/devices-table";
import { NatsTabs } from "@/components/nats/nats-tabs";
import { Card } from "@/components/ui/card";
import { loadConfig } from "@/lib/config/config";
import { getDb } from "@/lib/db/client";
import { listDevices } from "@/lib/devices/list-devices";
import { currentRequest } from "@/lib/http/current-request";
import { loadConsole } from "@/lib/orgs/load-console";
import { can } from "@/lib/orgs/org-context";

export const metadata: Metadata = { title: "Devices" };

export default async function DevicesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await loadConsole(slug);
  if (!can(ctx, "nats_users:read")) return <NoAccess orgSlug={slug} orgName={ctx.org.name} title="Devices" permission="nats_users:read" />;
  const devices = await listDevices(getDb(), ctx);
  const canWrite = can(ctx, "nats_users:write");
  return (
    <>
      <PageHeader
        orgSlug={slug}
        orgName={ctx.org.name}
        title="Devices"
        description="Licensed devices: each hears only its own subjects and the broadcasts, and catches up over HTTP with its license key after being offline."
      />
      <NatsTabs orgSlug={slug} current="devices" />
      {devices.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No devices yet.
        </p>
      ) : (
        <DevicesTable slug={slug} devices={devices} canWrite={canWrite} />
      )}
      {canWrite && (
        <Card
          title="Register a device"
          description="Issues a license key (stored hashed) and NATS credentials confined to the device's own subjects. Both are shown once."
        >
          <CreateDeviceForm slug={slug} natsUrl={loadConfig().natsUrl} origin={(await currentRequest()).origin} />
        </Card>
      )}
    </>
  );
}
