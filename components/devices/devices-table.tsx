"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { revokeDeviceAction } from "@/app/(console)/orgs/[slug]/nats/devices/actions";
import { formatTime, StatusBadge } from "@/components/nats-users/nats-users-table";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable, Th } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import type { DeviceView } from "@/lib/devices/device-view";

function DeviceRow({ slug, device, canWrite }: { slug: string; device: DeviceView; canWrite: boolean }) {
  const router = useRouter();
  const revoke = useMutation({ mutationFn: () => revokeDeviceAction(slug, device.id), onSuccess: (r) => r.ok && router.refresh() });
  const result = revoke.data;
  return (
    <tr className="align-top">
      <td className="px-4 py-3">
        <span className="font-medium">{device.name}</span>
        {device.description && <p className="text-xs text-zinc-600 dark:text-zinc-400">{device.description}</p>}
      </td>
      <td className="px-4 py-3 font-mono text-xs">lic_{device.licensePrefix}_…</td>
      <td className="px-4 py-3 font-mono text-xs">{device.subject}</td>
      <td className="px-4 py-3 whitespace-nowrap">{device.lastSeenAt ? formatTime(device.lastSeenAt) : <span className="text-zinc-500">Never synced</span>}</td>
      <td className="px-4 py-3">
        <StatusBadge status={device.status} />
      </td>
      <td className="px-4 py-3">
        <div className="flex justify-end">
          {canWrite && device.status !== "revoked" && (
            <ConfirmButton
              label={`Revoke device ${device.name}`}
              confirmLabel={`Revoke ${device.name}`}
              pending={revoke.isPending}
              onConfirm={() => revoke.mutate()}
            >
              Revoke
            </ConfirmButton>
          )}
        </div>
        <div className="mt-2 empty:hidden">
          {result && !result.ok && <Notice tone="error">{result.error}</Notice>}
          {result?.ok && result.data?.pushError && (
            <Notice tone="error">Revoked; the NATS servers have not applied it yet ({result.data.pushError}). Cordon retries automatically.</Notice>
          )}
        </div>
      </td>
    </tr>
  );
}

/** The org's devices with when each last synced; revoking cuts the device off. */
export function DevicesTable({ slug, devices, canWrite }: { slug: string; devices: DeviceView[]; canWrite: boolean }) {
  return (
    <DataTable
      caption="Devices"
      columns={
        <>
          <Th>Name</Th>
          <Th>License key</Th>
          <Th>Subjects</Th>
          <Th>Last seen</Th>
          <Th>Status</Th>
          <Th />
        </>
      }
    >
      {devices.map((device) => (
        <DeviceRow key={device.id} slug={slug} device={device} canWrite={canWrite} />
      ))}
    </DataTable>
  );
}
