import { z } from "zod";
import { endpoint } from "@/lib/gateway/endpoint";

const teamFields = { name: z.string().max(200), description: z.string().max(2000).optional(), role: z.string().max(100).optional() };

export const listTeams = endpoint({ method: "GET", path: "/orgs/{slug}/teams", tag: "Teams", summary: "Teams", permission: "teams:read" });

export const createTeam = endpoint({
  method: "POST",
  path: "/orgs/{slug}/teams",
  tag: "Teams",
  summary: "Create a team, optionally granting a role to its members",
  permission: "teams:write",
  status: 201,
  body: z.object(teamFields),
});

export const getTeam = endpoint({ method: "GET", path: "/orgs/{slug}/teams/{id}", tag: "Teams", summary: "A team and its members", permission: "teams:read" });

export const updateTeam = endpoint({
  method: "PATCH",
  path: "/orgs/{slug}/teams/{id}",
  tag: "Teams",
  summary: "Rename a team or change its role",
  permission: "teams:write",
  body: z.object({ ...teamFields, name: teamFields.name.optional() }),
});

export const deleteTeam = endpoint({
  method: "DELETE",
  path: "/orgs/{slug}/teams/{id}",
  tag: "Teams",
  summary: "Delete a team",
  permission: "teams:delete",
  status: 204,
});

export const addTeamMember = endpoint({
  method: "POST",
  path: "/orgs/{slug}/teams/{id}/members",
  tag: "Teams",
  summary: "Add a member to a team (by membership id)",
  permission: "teams:write",
  status: 204,
  body: z.object({ membershipId: z.string().max(100) }),
});

export const removeTeamMember = endpoint({
  method: "DELETE",
  path: "/orgs/{slug}/teams/{id}/members/{membershipId}",
  tag: "Teams",
  summary: "Remove a member from a team",
  permission: "teams:write",
  status: 204,
});
