import { z } from "zod";
import { endpoint, HTTP_METHODS } from "@/lib/gateway/endpoint";

export const listServices = endpoint({
  method: "GET",
  path: "/orgs/{slug}/services",
  tag: "Services",
  summary: "Upstream services",
  permission: "services:read",
});

export const registerService = endpoint({
  method: "POST",
  path: "/orgs/{slug}/services",
  tag: "Services",
  summary: "Register an upstream service; its signing secret is in this response only",
  permission: "services:write",
  status: 201,
  body: z.object({ name: z.string().max(100), baseUrl: z.string().max(2000) }),
});

export const updateService = endpoint({
  method: "PATCH",
  path: "/orgs/{slug}/services/{name}",
  tag: "Services",
  summary: "Point a service at a new base URL",
  permission: "services:write",
  body: z.object({ baseUrl: z.string().max(2000) }),
});

export const serviceSecretAction = endpoint({
  method: "POST",
  path: "/orgs/{slug}/services/{name}",
  tag: "Services",
  summary:
    "`rotate_secret`: a new signing secret (returned once); the old one keeps signing alongside for `overlapHours` (default 24). `retire_previous_secret`: stop signing with the old one now.",
  permission: "services:write",
  body: z.discriminatedUnion("action", [
    z.object({ action: z.literal("rotate_secret"), overlapHours: z.number().int().optional() }),
    z.object({ action: z.literal("retire_previous_secret") }),
  ]),
});

export const deleteService = endpoint({
  method: "DELETE",
  path: "/orgs/{slug}/services/{name}",
  tag: "Services",
  summary: "Remove a service",
  permission: "services:delete",
  status: 204,
});

/** `ANY /orgs/{slug}/services/{name}/{path…}`: forwarded to the service, signed, with the caller's identity. */
export const forwardToService = HTTP_METHODS.map((method) =>
  endpoint({
    method,
    path: "/orgs/{slug}/services/{name}/{path}",
    tag: "Services",
    summary:
      "Forward to the service (method, path, query, body) with X-Gateway-Timestamp, X-Gateway-Signature = hex HMAC-SHA256(secret, timestamp|path|body) and X-User-Id, X-Org-Id, X-User-Roles, X-User-Permissions, X-Request-ID. `{path}` is the rest of the path, any depth. 502 unreachable, 504 timeout.",
    permission: "services:invoke",
  }),
);
