import Link from "next/link";
import { DataTable, Th } from "@/components/ui/data-table";
import type { ListedNatsUser } from "@/lib/nats-users/list-nats-users";
import { permissionsSummary, type NatsUserStatus } from "@/lib/nats-users/nats-user-view";

/** UTC, so the server's and the browser's rendering agree. */
export function formatTime(iso: string): string {
  return `${iso.replace("T", " ").slice(0, 16)} UTC`;
}

const STATUS_STYLE: Record<NatsUserStatus, string> = {
  active: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-300",
  expired: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-300",
  revoked: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
};

export function StatusBadge({ status }: { status: NatsUserStatus }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${STATUS_STYLE[status]}`}>{status}</span>;
}

function LastConnection({ connections }: { connections: ListedNatsUser["connections"] }) {
  if (!connections) return <span className="text-zinc-500">Unavailable</span>;
  if (connections.live > 0) return <span>Connected now{connections.live > 1 ? ` (${connections.live})` : ""}</span>;
  return connections.lastSeenAt ? <span>{formatTime(connections.lastSeenAt)}</span> : <span className="text-zinc-500">Not seen</span>;
}

/** The org's NATS users: kind, what they may do, expiry, last connection (from $SYS CONNZ) and status. */
export function NatsUsersTable({ slug, users }: { slug: string; users: ListedNatsUser[] }) {
  return (
    <DataTable
      caption="NATS users"
      columns={
        <>
          <Th>Name</Th>
          <Th>Kind</Th>
          <Th>Permissions</Th>
          <Th>Expires</Th>
          <Th>Last connection</Th>
          <Th>Status</Th>
        </>
      }
    >
      {users.map((user) => (
        <tr key={user.id} className="align-top">
          <td className="px-4 py-3">
            <Link href={`/orgs/${slug}/nats/users/${user.id}`} className="font-medium text-emerald-800 hover:underline dark:text-emerald-300">
              {user.name}
            </Link>
            {user.description && <p className="text-xs text-zinc-600 dark:text-zinc-400">{user.description}</p>}
          </td>
          <td className="px-4 py-3">{user.kind}</td>
          <td className="max-w-md px-4 py-3 font-mono text-xs break-words">{permissionsSummary(user.permissions)}</td>
          <td className="px-4 py-3 whitespace-nowrap">{user.expiresAt ? formatTime(user.expiresAt) : <span className="text-zinc-500">Never</span>}</td>
          <td className="px-4 py-3 whitespace-nowrap">
            <LastConnection connections={user.connections} />
          </td>
          <td className="px-4 py-3">
            <StatusBadge status={user.status} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
