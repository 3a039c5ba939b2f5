/**
 * The one catalogue of permissions. A permission is a `resource:action` string; the
 * catalogue below is the single source of truth for which ones exist, their order
 * (used for display and for normalising stored lists) and their human labels.
 *
 * Pure and browser-safe: no database or node: imports.
 */

type CatalogueAction = { readonly action: string; readonly label: string };
type CatalogueResource = { readonly resource: string; readonly label: string; readonly description: string; readonly actions: readonly CatalogueAction[] };

export const PERMISSION_CATALOGUE = [
  {
    resource: "members",
    label: "Members",
    description: "People in the organisation, their roles and profiles.",
    actions: [
      { action: "read", label: "View members" },
      { action: "write", label: "Change roles and profiles" },
      { action: "delete", label: "Remove members" },
    ],
  },
  {
    resource: "teams",
    label: "Teams",
    description: "Groups of members that share a role.",
    actions: [
      { action: "read", label: "View teams" },
      { action: "write", label: "Create and edit teams" },
      { action: "delete", label: "Delete teams" },
    ],
  },
  {
    resource: "invites",
    label: "Invitations",
    description: "Pending invitations to join the organisation.",
    actions: [
      { action: "read", label: "View invitations" },
      { action: "write", label: "Create invitations" },
      { action: "delete", label: "Revoke invitations" },
    ],
  },
  {
    resource: "roles",
    label: "Roles",
    description: "Custom roles and the permissions they grant.",
    actions: [
      { action: "read", label: "View roles" },
      { action: "write", label: "Create and edit roles" },
      { action: "delete", label: "Delete roles" },
    ],
  },
  {
    resource: "api_keys",
    label: "API keys",
    description: "Keys for programmatic access to the control plane.",
    actions: [
      { action: "read", label: "View API keys" },
      { action: "write", label: "Create API keys" },
      { action: "delete", label: "Revoke API keys" },
    ],
  },
  {
    resource: "nats_account",
    label: "NATS account",
    description: "The organisation's NATS account, its tier and limits.",
    actions: [
      { action: "read", label: "View account" },
      { action: "write", label: "Change tier and limits" },
    ],
  },
  {
    resource: "nats_users",
    label: "NATS users",
    description: "Users and credentials that connect to NATS.",
    actions: [
      { action: "read", label: "View users" },
      { action: "write", label: "Create and edit users" },
      { action: "delete", label: "Delete users" },
    ],
  },
  {
    resource: "nats_streams",
    label: "Streams",
    description: "JetStream streams and consumers.",
    actions: [
      { action: "read", label: "View streams" },
      { action: "write", label: "Create and edit streams" },
      { action: "delete", label: "Delete streams" },
    ],
  },
  {
    resource: "nats_exports",
    label: "Exports",
    description: "Subjects and services shared with other accounts.",
    actions: [
      { action: "read", label: "View exports" },
      { action: "write", label: "Create and edit exports" },
      { action: "delete", label: "Delete exports" },
    ],
  },
  {
    resource: "services",
    label: "Services",
    description: "Services registered on the platform.",
    actions: [
      { action: "read", label: "View services" },
      { action: "write", label: "Create and edit services" },
      { action: "delete", label: "Delete services" },
      { action: "invoke", label: "Invoke services" },
    ],
  },
  {
    resource: "billing",
    label: "Billing",
    description: "Plan, invoices and payment details.",
    actions: [
      { action: "read", label: "View billing" },
      { action: "write", label: "Manage billing" },
    ],
  },
  {
    resource: "audit",
    label: "Audit log",
    description: "The record of actions taken in the organisation.",
    actions: [
      { action: "read", label: "View audit log" },
      { action: "export", label: "Export audit log" },
    ],
  },
  {
    resource: "settings",
    label: "Settings",
    description: "Organisation settings.",
    actions: [
      { action: "read", label: "View settings" },
      { action: "write", label: "Change settings" },
      { action: "delete", label: "Delete the organisation" },
    ],
  },
] as const satisfies readonly CatalogueResource[];

type Catalogue = typeof PERMISSION_CATALOGUE;

export type PermissionResource = Catalogue[number]["resource"];

/** Every valid `resource:action` string, derived from the catalogue so a typo does not compile. */
type PermissionsOf<E> = E extends { readonly resource: infer R extends string; readonly actions: readonly (infer A)[] }
  ? A extends { readonly action: infer X extends string }
    ? `${R}:${X}`
    : never
  : never;
export type Permission = PermissionsOf<Catalogue[number]>;

export type PermissionAction = Permission extends `${string}:${infer A}` ? A : never;

/** Every permission, in catalogue order. */
export const ALL_PERMISSIONS: readonly Permission[] = Object.freeze(
  PERMISSION_CATALOGUE.flatMap((entry) => entry.actions.map((a) => `${entry.resource}:${a.action}` as Permission)),
);

const PERMISSION_INDEX: ReadonlyMap<string, number> = new Map(ALL_PERMISSIONS.map((p, i) => [p, i]));

export function isPermission(value: string): value is Permission {
  return PERMISSION_INDEX.has(value);
}

/** Returns a new array of the given permissions, de-duplicated and sorted in catalogue order. */
export function sortPermissions(permissions: Iterable<Permission>): Permission[] {
  return [...new Set(permissions)].sort((a, b) => (PERMISSION_INDEX.get(a) ?? 0) - (PERMISSION_INDEX.get(b) ?? 0));
}
