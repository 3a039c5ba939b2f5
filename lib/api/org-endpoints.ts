import { z } from "zod";
import type { Org } from "@/generated/prisma/client";
import { endpoint } from "@/lib/gateway/endpoint";

/** An org as the API shows it. */
export function orgJson(org: Org) {
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    tier: org.tier,
    status: org.status,
    requireMfa: org.requireMfa,
    corsOrigins: org.corsOrigins,
    natsAccount: org.natsAccount,
    natsError: org.natsError,
    createdAt: org.createdAt,
  };
}

export const me = endpoint({ method: "GET", path: "/me", tag: "Auth", summary: "The signed-in user and their session", usersOnly: true });

export const listOrgs = endpoint({ method: "GET", path: "/orgs", tag: "Orgs", summary: "Organisations you belong to", usersOnly: true });

export const createOrg = endpoint({
  method: "POST",
  path: "/orgs",
  tag: "Orgs",
  summary: "Create an organisation (you become its Admin; its NATS account is pushed at once)",
  usersOnly: true,
  status: 201,
  body: z.object({ name: z.string().max(200), slug: z.string().max(100).optional() }),
});

export const getOrg = endpoint({ method: "GET", path: "/orgs/{slug}", tag: "Orgs", summary: "One organisation" });

export const updateOrg = endpoint({
  method: "PATCH",
  path: "/orgs/{slug}",
  tag: "Orgs",
  summary: "Rename, change the URL name, the require-MFA rule or the allowed browser origins",
  permission: "settings:write",
  body: z.object({
    name: z.string().max(200).optional(),
    slug: z.string().max(100).optional(),
    requireMfa: z.boolean().optional(),
    corsOrigins: z.array(z.string().max(200)).max(20).optional(),
  }),
});

export const deleteOrg = endpoint({
  method: "DELETE",
  path: "/orgs/{slug}",
  tag: "Orgs",
  summary: "Delete the organisation (it disappears at once; purged after the grace period). Confirm with its slug.",
  permission: "settings:delete",
  body: z.object({ confirm: z.string().max(100) }),
});
