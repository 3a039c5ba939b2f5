import { authenticateBearer } from "@/lib/auth/authenticate-bearer";
import { getDb } from "@/lib/db/client";
import { json, problem } from "@/lib/http/problem";
import { requestContextFrom } from "@/lib/http/request-context";

/** The caller: who the access token belongs to and which session it rides on. */
export async function GET(request: Request) {
  const { requestId } = requestContextFrom(request.headers);
  const auth = await authenticateBearer(getDb(), request.headers.get("authorization"));
  if (!auth.ok) return problem(401, "Unauthorized", auth.detail, requestId, {}, { "WWW-Authenticate": 'Bearer realm="cordon"' });
  const { user } = auth.session;
  return json({ id: user.id, email: user.email, name: user.name, email_verified: !!user.emailVerifiedAt, session_id: auth.session.id }, requestId);
}
