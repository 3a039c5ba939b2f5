import * as api from "@/lib/api/auth-endpoints";
import { logoutApiSession } from "@/lib/auth/logout-api-session";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(api.logout, ({ db, body, http }) => logoutApiSession(db, body.refresh_token, http)),
});
