import { z } from "zod";
import { endpoint } from "@/lib/gateway/endpoint";

// Shapes only: the use cases validate subjects, names and expiry with messages that name the problem.
const subjects = z.array(z.string().max(300)).max(200);
const permissions = z.object({
  pub: z.object({ allow: subjects, deny: subjects }),
  sub: z.object({ allow: subjects, deny: subjects }),
  resp: z.object({ max: z.number().int(), ttlSeconds: z.number().int() }).nullable(),
});
const expiresAt = z.iso.datetime({ offset: true }).nullable();
const limit = z.number().int().nullable();

export const listNatsUsers = endpoint({
  method: "GET",
  path: "/orgs/{slug}/nats/users",
  tag: "NATS users",
  summary: "The org's NATS users (devices included) with their status and, when NATS answers, live connections and when each was last seen",
  permission: "nats_users:read",
});

export const createNatsUser = endpoint({
  method: "POST",
  path: "/orgs/{slug}/nats/users",
  tag: "NATS users",
  summary: "Create an app, service or leaf user; its .creds text (and a leafnode config for leaf users) is in this response only",
  permission: "nats_users:write",
  status: 201,
  body: z.object({
    name: z.string().max(100),
    kind: z.enum(["app", "service", "leaf"]).optional(),
    description: z.string().max(1000).optional(),
    permissions,
    expiresAt: expiresAt.optional(),
    maxPayload: limit.optional(),
    maxSubscriptions: limit.optional(),
  }),
});

export const getNatsUser = endpoint({
  method: "GET",
  path: "/orgs/{slug}/nats/users/{id}",
  tag: "NATS users",
  summary: "One NATS user (public key, permissions, expiry, status; never credentials)",
  permission: "nats_users:read",
});

export const updateNatsUser = endpoint({
  method: "PATCH",
  path: "/orgs/{slug}/nats/users/{id}",
  tag: "NATS users",
  summary:
    "Change a user. New permissions, expiry or limits need new credentials: they are issued on a new key (in this response only, as `creds`) and the old key is revoked. A description alone changes nothing else",
  permission: "nats_users:write",
  body: z.object({
    description: z.string().max(1000).optional(),
    permissions: permissions.optional(),
    expiresAt: expiresAt.optional(),
    maxPayload: limit.optional(),
    maxSubscriptions: limit.optional(),
  }),
});

export const deleteNatsUser = endpoint({
  method: "DELETE",
  path: "/orgs/{slug}/nats/users/{id}",
  tag: "NATS users",
  summary: "Delete a user; its key is revoked first, so its connections are cut",
  permission: "nats_users:delete",
  status: 204,
});

export const renewNatsUserCreds = endpoint({
  method: "POST",
  path: "/orgs/{slug}/nats/users/{id}/creds",
  tag: "NATS users",
  summary:
    "Renew a user's credentials (automation, e.g. short-lived creds with an API key): a new key and .creds, the old key revoked. Send {} to keep the expiry, or `expiresAt` / `ttlSeconds` for a new one. Audited as credential.provision",
  permission: "nats_users:write",
  body: z.object({ expiresAt: expiresAt.optional(), ttlSeconds: z.number().int().optional() }),
});

export const revokeNatsUser = endpoint({
  method: "POST",
  path: "/orgs/{slug}/nats/users/{id}/revoke",
  tag: "NATS users",
  summary: "Revoke a user for good: its key joins the account's revocations and connected clients are cut within a second",
  permission: "nats_users:write",
});
