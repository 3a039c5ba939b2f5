import { API_ENDPOINTS } from "@/lib/api/catalogue";
import { buildOpenApi } from "@/lib/gateway/build-openapi";
import { requestContextFrom } from "@/lib/http/request-context";

export async function GET(request: Request) {
  const context = requestContextFrom(request.headers);
  return Response.json(buildOpenApi(API_ENDPOINTS, context.origin), { headers: { "X-Request-ID": context.requestId, "Cache-Control": "no-store" } });
}
