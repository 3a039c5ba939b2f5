import * as api from "@/lib/api/org-endpoints";
import { validateSession } from "@/lib/auth/validate-session";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.me, async ({ db, principal }) => {
    if (principal?.kind !== "user") return null;
    const session = await validateSession(db, principal.sessionId);
    return {
      id: principal.userId,
      email: principal.email,
      name: session?.user.name,
      emailVerified: !!session?.user.emailVerifiedAt,
      sessionId: principal.sessionId,
    };
  }),
});
