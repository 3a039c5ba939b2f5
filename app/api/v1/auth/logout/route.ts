import { z } from "zod";
import { logoutApiSession } from "@/lib/auth/logout-api-session";
import { getDb } from "@/lib/db/client";
import { readJsonBody } from "@/lib/http/read-json-body";
import { requestContextFrom } from "@/lib/http/request-context";

const logoutRequest = z.object({ refresh_token: z.string().min(1).max(200) });

export async function POST(request: Request) {
  const context = requestContextFrom(request.headers);
  const body = await readJsonBody(request, logoutRequest, context.requestId);
  if (!body.ok) return body.response;
  await logoutApiSession(getDb(), body.data.refresh_token, context);
  return new Response(null, { status: 204, headers: { "X-Request-ID": context.requestId } });
}
