import { z } from "zod";
import { endpoint } from "@/lib/gateway/endpoint";

export const listInvites = endpoint({ method: "GET", path: "/orgs/{slug}/invites", tag: "Invites", summary: "Invitations", permission: "invites:read" });

export const createInvite = endpoint({
  method: "POST",
  path: "/orgs/{slug}/invites",
  tag: "Invites",
  summary: "Invite someone by email (single use, 7 days) or create a shareable link (expiry, max uses); the link is returned once",
  permission: "invites:write",
  status: 201,
  body: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("email"), email: z.string().max(254), role: z.string().max(100) }),
    z.object({ kind: z.literal("link"), role: z.string().max(100), expiresInDays: z.number().int().optional(), maxUses: z.number().int().optional() }),
  ]),
});

export const revokeInvite = endpoint({
  method: "DELETE",
  path: "/orgs/{slug}/invites/{id}",
  tag: "Invites",
  summary: "Revoke an invitation",
  permission: "invites:delete",
  status: 204,
});
