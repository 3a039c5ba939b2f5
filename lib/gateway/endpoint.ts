import type { z } from "zod";
import type { Permission } from "@/lib/rbac/permissions";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * What one /api/v1 operation needs from the gateway, declared once: the route
 * handler runs behind it and the OpenAPI document is generated from it.
 */
export type Endpoint<Body = unknown, Query = unknown> = {
  method: HttpMethod;
  /** Path under /api/v1 in OpenAPI form; `{slug}` makes it an org route (org validation runs). */
  path: string;
  summary: string;
  tag: string;
  /** `none` for the sign-in endpoints; otherwise a user or an API key must authenticate. */
  auth?: "required" | "none";
  /** Endpoints about a person (their orgs, their keys) refuse API keys. */
  usersOnly?: boolean;
  permission?: Permission;
  /** `auth` is the stricter per-IP budget of the sign-in endpoints. */
  rateLimit?: "api" | "auth";
  body?: z.ZodType<Body>;
  query?: z.ZodType<Query>;
  /** The success status; 204 sends no body. */
  status?: 200 | 201 | 202 | 204;
};

export function endpoint<Body = undefined, Query = undefined>(definition: Endpoint<Body, Query>): Endpoint<Body, Query> {
  return definition;
}

export function isOrgRoute(endpoint: Pick<Endpoint, "path">): boolean {
  return endpoint.path.includes("{slug}");
}
