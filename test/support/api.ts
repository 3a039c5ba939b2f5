import { readdirSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./run-command";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type RouteModule = Partial<Record<string, Handler>>;

const API_DIR = path.join(repoRoot, "app", "api", "v1");

/** The route file serving an OpenAPI path: `/orgs/{slug}/members` → app/api/v1/orgs/[slug]/members/route.ts. */
export function routeFileFor(openApiPath: string): string {
  return path.join(
    API_DIR,
    ...openApiPath
      .split("/")
      .filter(Boolean)
      // `{path}` is the one catch-all parameter: the rest of a forwarded path.
      .map((part) => (part === "{path}" ? "[...path]" : part.replace(/^\{(\w+)\}$/, "[$1]"))),
    "route.ts",
  );
}

/** Every route file under app/api/v1, as OpenAPI paths (catch-all and the document itself excluded). */
export function apiRoutePaths(): string[] {
  return readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("route.ts") && !file.startsWith("[...path]") && !file.startsWith("openapi.json"))
    .map((file) => `/${path.dirname(file)}`.replace(/\[(?:\.\.\.)?(\w+)\]/g, "{$1}").replace(/\/\.$/, ""));
}

/**
 * Calls an API route handler the way Next does: a Request plus the dynamic
 * params taken from the concrete path. `call("GET", "/orgs/{slug}/members", { slug })`.
 */
export async function callApi(
  method: string,
  openApiPath: string,
  params: Record<string, string>,
  init: { headers?: Record<string, string>; body?: unknown; rawBody?: string; query?: string } = {},
): Promise<Response> {
  const routeModule = (await import(routeFileFor(openApiPath))) as RouteModule;
  const handler = routeModule[method];
  if (!handler) throw new Error(`${openApiPath} exports no ${method}`);
  const concrete = openApiPath.replace(/\{(\w+)\}/g, (_, name: string) => (name === "path" ? (params.path ?? "") : encodeURIComponent(params[name] ?? "")));
  const headers: Record<string, string> = { ...(init.body !== undefined ? { "content-type": "application/json" } : {}), ...init.headers };
  const body = init.rawBody ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined);
  const request = new Request(`http://cordon.test/api/v1${concrete}${init.query ?? ""}`, { method, headers, body });
  return handler(request, { params: Promise.resolve(params) });
}
