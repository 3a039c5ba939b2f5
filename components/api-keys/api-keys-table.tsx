import { DataTable, Th } from "@/components/ui/data-table";
import { maskedApiKey } from "@/lib/api-keys/api-key-format";
import type { ApiKeyStatus } from "@/lib/api-keys/api-key-status";
import type { ApiKeyRow } from "@/lib/api-keys/list-api-keys";
import { ALL_PERMISSIONS } from "@/lib/rbac/permissions";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

const STATUS: Record<ApiKeyStatus, { label: string; className: string }> = {
  active: { label: "Active", className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-300" },
  expired: { label: "Expired", className: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300" },
  revoked: { label: "Revoked", className: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300" },
};

const day = (date: Date) => date.toISOString().slice(0, 10);
const minute = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

function Scopes({ scopes }: { scopes: string[] }) {
  if (scopes.length === ALL_PERMISSIONS.length) return <span>All permissions</span>;
  if (scopes.length <= 2) return <code className="text-xs">{scopes.join(", ")}</code>;
  return (
    <details>
      <summary className="cursor-pointer">{scopes.length} scopes</summary>
      <ul className="mt-1 text-xs">
        {scopes.map((scope) => (
          <li key={scope}>
            <code>{scope}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The org's keys; `canRevoke` says, per key, whether this member may revoke it. */
export function ApiKeysTable({ slug, keys, canRevoke }: { slug: string; keys: ApiKeyRow[]; canRevoke: (key: ApiKeyRow) => boolean }) {
  return (
    <DataTable
      caption="API keys"
      columns={
        <>
          <Th>Name</Th>
          <Th>Key</Th>
          <Th>Scopes</Th>
          <Th>Created</Th>
          <Th>Expires</Th>
          <Th>Last used</Th>
          <Th>Status</Th>
          <Th />
        </>
      }
    >
      {keys.map((key) => (
        <tr key={key.id} className="align-top">
          <td className="px-4 py-2 font-medium">
            {key.name}
            <a
              href={`/orgs/${slug}/audit?actor=${key.id}`}
              className="ml-2 text-xs font-normal text-emerald-700 hover:underline dark:text-emerald-400"
              aria-label={`History of ${key.name}`}
            >
              History
            </a>
          </td>
          <td className="px-4 py-2 whitespace-nowrap">
            <code className="text-xs">{maskedApiKey(key.prefix)}</code>
          </td>
          <td className="px-4 py-2">
            <Scopes scopes={key.scopes} />
          </td>
          <td className="px-4 py-2 whitespace-nowrap">
            {day(key.createdAt)}
            <div className="text-xs text-zinc-500">by {key.createdBy ? key.createdBy.name : "a deleted user"}</div>
          </td>
          <td className="px-4 py-2 whitespace-nowrap">{key.expiresAt ? day(key.expiresAt) : "Never"}</td>
          <td className="px-4 py-2 whitespace-nowrap">
            {key.lastUsedAt ? (
              <>
                {minute(key.lastUsedAt)}
                {key.lastUsedIp && <div className="text-xs text-zinc-500">from {key.lastUsedIp}</div>}
              </>
            ) : (
              <span className="text-zinc-500">Never</span>
            )}
          </td>
          <td className="px-4 py-2">
            <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS[key.status].className}`}>{STATUS[key.status].label}</span>
          </td>
          <td className="px-4 py-2 text-right">
            {key.status !== "revoked" && canRevoke(key) && <RevokeApiKeyButton slug={slug} apiKeyId={key.id} name={key.name} />}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
