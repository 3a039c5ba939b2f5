import { z } from "zod";
import { endpoint } from "@/lib/gateway/endpoint";

export const listApiKeys = endpoint({
  method: "GET",
  path: "/orgs/{slug}/api-keys",
  tag: "API keys",
  summary: "The org's API keys, newest first (never the keys themselves)",
  permission: "api_keys:read",
  query: z.object({ page: z.string().max(10).optional(), pageSize: z.string().max(10).optional() }),
});

export const createApiKey = endpoint({
  method: "POST",
  path: "/orgs/{slug}/api-keys",
  tag: "API keys",
  summary: "Create an API key with a subset of your permissions; the key is in this response only",
  permission: "api_keys:write",
  status: 201,
  body: z.object({
    name: z.string().max(200),
    scopes: z.array(z.string().max(100)).max(200),
    expiresInDays: z.number().int().optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  }),
});

export const revokeApiKey = endpoint({
  method: "DELETE",
  path: "/orgs/{slug}/api-keys/{id}",
  tag: "API keys",
  summary: "Revoke an API key (yours with api_keys:write, anyone's with api_keys:delete)",
  status: 204,
});
