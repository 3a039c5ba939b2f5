import { problem } from "@/lib/http/problem";
import { requestContextFrom } from "@/lib/http/request-context";

/** Any /api/v1 path no route matches: a problem+json 404, like every other API error. */
async function notFound(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  return problem(
    404,
    "Not Found",
    `There is no API endpoint at ${pathname}. The reference is at /api/v1/openapi.json.`,
    requestContextFrom(request.headers).requestId,
  );
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
