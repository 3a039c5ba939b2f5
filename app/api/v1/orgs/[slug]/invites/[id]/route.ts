import * as api from "@/lib/api/invite-endpoints";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { revokeInvite } from "@/lib/invites/revoke-invite";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  DELETE: route(api.revokeInvite, ({ db, ctx, params, http }) => revokeInvite(db, ctx, params.id, http)),
});
