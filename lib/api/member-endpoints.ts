import { z } from "zod";
import { endpoint } from "@/lib/gateway/endpoint";
import { listMembersQuery } from "@/lib/orgs/list-members";

export const listMembers = endpoint({
  method: "GET",
  path: "/orgs/{slug}/members",
  tag: "Members",
  summary: "Members, searched and sorted, one page at a time",
  permission: "members:read",
  query: listMembersQuery,
});

export const changeMemberRole = endpoint({
  method: "PATCH",
  path: "/orgs/{slug}/members/{id}",
  tag: "Members",
  summary: "Change a member's role (a built-in role key or `custom:<role id>`)",
  permission: "members:write",
  body: z.object({ role: z.string().max(100) }),
});

export const removeMember = endpoint({
  method: "DELETE",
  path: "/orgs/{slug}/members/{id}",
  tag: "Members",
  summary: "Remove a member",
  permission: "members:delete",
  status: 204,
});
