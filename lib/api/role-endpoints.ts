import { z } from "zod";
import { endpoint } from "@/lib/gateway/endpoint";

const roleFields = { name: z.string().max(100), description: z.string().max(500).optional(), permissions: z.array(z.string().max(100)).max(200) };

export const listPermissions = endpoint({ method: "GET", path: "/permissions", tag: "Roles", summary: "The permission catalogue" });

export const listRoles = endpoint({ method: "GET", path: "/orgs/{slug}/roles", tag: "Roles", summary: "Built-in and custom roles", permission: "roles:read" });

export const createRole = endpoint({
  method: "POST",
  path: "/orgs/{slug}/roles",
  tag: "Roles",
  summary: "Create a custom role (only with permissions you hold)",
  permission: "roles:write",
  status: 201,
  body: z.object(roleFields),
});

export const updateRole = endpoint({
  method: "PATCH",
  path: "/orgs/{slug}/roles/{id}",
  tag: "Roles",
  summary: "Change a custom role",
  permission: "roles:write",
  body: z.object({ name: roleFields.name.optional(), description: roleFields.description, permissions: roleFields.permissions.optional() }),
});

export const deleteRole = endpoint({
  method: "DELETE",
  path: "/orgs/{slug}/roles/{id}",
  tag: "Roles",
  summary: "Delete an unused custom role",
  permission: "roles:delete",
  status: 204,
});
