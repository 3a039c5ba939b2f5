import { z } from "zod";
import { PERMISSION_CATALOGUE } from "@/lib/rbac/permissions";
import { isOrgRoute, type Endpoint } from "./endpoint";

const problemSchema = {
  type: "object",
  required: ["type", "title", "status", "detail", "request_id"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    request_id: { type: "string" },
    errors: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } },
  },
};

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

function parameters(endpoint: Endpoint) {
  const inPath = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } }));
  if (!endpoint.query) return inPath;
  const query = z.toJSONSchema(endpoint.query, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, unknown>; required?: string[] };
  return [
    ...inPath,
    ...Object.entries(query.properties ?? {}).map(([name, schema]) => ({ name, in: "query", required: query.required?.includes(name) ?? false, schema })),
  ];
}

function operation(endpoint: Endpoint) {
  const status = String(endpoint.status ?? 200);
  const security =
    endpoint.auth === "none"
      ? []
      : endpoint.usersOnly
        ? [{ bearerToken: [] }, { sessionCookie: [] }]
        : [{ bearerToken: [] }, { apiKey: [] }, { sessionCookie: [] }];
  return {
    summary: endpoint.summary,
    tags: [endpoint.tag],
    operationId: `${endpoint.method.toLowerCase()}${endpoint.path.replace(/\{(\w+)\}/g, "By_$1").replace(/[^A-Za-z0-9_]+(.)?/g, (_, c: string = "") => c.toUpperCase())}`,
    security,
    ...(endpoint.permission ? { "x-permission": endpoint.permission, description: `Needs the \`${endpoint.permission}\` permission.` } : {}),
    parameters: parameters(endpoint),
    ...(endpoint.body
      ? { requestBody: { required: true, content: { "application/json": { schema: z.toJSONSchema(endpoint.body, { io: "input", unrepresentable: "any" }) } } } }
      : {}),
    responses: {
      [status]: { description: status === "204" ? "Done" : "OK" },
      ...(endpoint.body
        ? { "400": problemResponse("Invalid input (field paths in `errors`)"), "415": problemResponse("Not JSON"), "413": problemResponse("Body over 1 MB") }
        : {}),
      ...(endpoint.auth === "none" ? {} : { "401": problemResponse("Not authenticated") }),
      ...(endpoint.permission || endpoint.usersOnly ? { "403": problemResponse("Missing permission") } : {}),
      ...(isOrgRoute(endpoint) ? { "404": problemResponse("Unknown organisation, or not yours") } : {}),
      "429": problemResponse("Rate limited (see Retry-After)"),
    },
  };
}

/** The OpenAPI 3.1 document of /api/v1, generated from the same endpoint declarations and zod schemas the gateway enforces. */
export function buildOpenApi(endpoints: readonly Endpoint[], serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) (paths[endpoint.path] ??= {})[endpoint.method.toLowerCase()] = operation(endpoint);
  return {
    openapi: "3.1.0",
    info: {
      title: "Cordon API",
      version: "1",
      description:
        "Control plane for multi-tenant NATS. Errors are application/problem+json with a request_id; every response carries X-Request-ID; rate-limited responses carry RateLimit-* headers.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    tags: [...new Set(endpoints.map((endpoint) => endpoint.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "Access token from POST /auth/token (15 minutes)." },
        apiKey: { type: "http", scheme: "bearer", description: "An org API key `cdn_…`, limited to its scopes." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "The console's session (same origin only)." },
      },
      "x-permissions": PERMISSION_CATALOGUE.flatMap((resource) => resource.actions.map((action) => `${resource.resource}:${action.action}`)),
    },
  };
}
