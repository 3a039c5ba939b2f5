"use client";

import { useActionState } from "react";
import { updateRoleAction } from "@/app/(console)/orgs/[slug]/roles/actions";
import { Button } from "@/components/ui/button";
import type { RoleRow } from "@/lib/orgs/list-roles";
import type { ActionResult } from "@/lib/orgs/org-action";
import { PERMISSION_CATALOGUE } from "@/lib/rbac/permissions";
import { DeleteRoleButton } from "./delete-role-button";

function SaveRoleColumn({ slug, role }: { slug: string; role: RoleRow }) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(updateRoleAction.bind(null, slug, role.id!), { ok: true });
  return (
    <form id={`role-${role.id}`} action={action} className="flex flex-col items-center gap-1">
      <input type="hidden" name="name" value={role.name} />
      <input type="hidden" name="description" value={role.description} />
      <Button type="submit" variant="secondary" pending={pending} aria-label={`Save ${role.name}`}>
        Save
      </Button>
      {state.ok && state.message && (
        <span role="status" className="text-xs text-emerald-700 dark:text-emerald-400">
          Saved
        </span>
      )}
      {!state.ok && (
        <span role="alert" className="max-w-40 text-xs text-red-700 dark:text-red-400">
          {state.error}
        </span>
      )}
    </form>
  );
}

/**
 * Roles × permissions. Built-in roles are fixed; each custom role's column is
 * a form of its own (the checkboxes join it through the `form` attribute).
 */
export function PermissionMatrix({ slug, roles, editable }: { slug: string; roles: RoleRow[]; editable: boolean }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-sm">
        <caption className="sr-only">Permissions of each role</caption>
        <thead className="border-b border-zinc-200 dark:border-zinc-800">
          <tr>
            <th scope="col" className="px-4 py-2 text-left text-xs text-zinc-500 uppercase">
              Permission
            </th>
            {roles.map((role) => (
              <th key={role.value} scope="col" className="px-3 py-2 text-center align-bottom">
                <div className="font-medium">{role.name}</div>
                <div className="text-xs font-normal text-zinc-500">
                  {role.builtIn ? "Built-in" : "Custom"} · {role.memberCount} {role.memberCount === 1 ? "member" : "members"}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PERMISSION_CATALOGUE.map((group) => (
            <RowsFor key={group.resource} group={group} roles={roles} editable={editable} />
          ))}
        </tbody>
        {editable && roles.some((role) => !role.builtIn) && (
          <tfoot className="border-t border-zinc-200 dark:border-zinc-800">
            <tr>
              <td />
              {roles.map((role) => (
                <td key={role.value} className="px-3 py-3 text-center align-top">
                  {!role.builtIn && (
                    <div className="flex flex-col items-center gap-2">
                      <SaveRoleColumn slug={slug} role={role} />
                      <DeleteRoleButton slug={slug} roleId={role.id!} roleName={role.name} />
                    </div>
                  )}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

function RowsFor({ group, roles, editable }: { group: (typeof PERMISSION_CATALOGUE)[number]; roles: RoleRow[]; editable: boolean }) {
  return (
    <>
      <tr className="bg-zinc-50 dark:bg-zinc-800/50">
        <th
          scope="rowgroup"
          colSpan={roles.length + 1}
          className="px-4 py-1.5 text-left text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400"
        >
          {group.label}
        </th>
      </tr>
      {group.actions.map(({ action, label }) => {
        const permission = `${group.resource}:${action}`;
        return (
          <tr key={permission} className="border-t border-zinc-100 dark:border-zinc-800">
            <th scope="row" className="px-4 py-1.5 text-left font-normal">
              {label} <code className="ml-1 text-xs text-zinc-500">{permission}</code>
            </th>
            {roles.map((role) => (
              <td key={role.value} className="px-3 py-1.5 text-center">
                <input
                  type="checkbox"
                  name="permissions"
                  value={permission}
                  form={role.builtIn ? undefined : `role-${role.id}`}
                  defaultChecked={(role.permissions as string[]).includes(permission)}
                  disabled={role.builtIn || !editable}
                  aria-label={`${role.name}: ${permission}`}
                />
              </td>
            ))}
          </tr>
        );
      })}
    </>
  );
}
