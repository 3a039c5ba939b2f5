import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import * as api from "@/lib/api/api-key-endpoints";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  DELETE: route(api.revokeApiKey, ({ db, ctx, params, http }) => revokeApiKey(db, ctx, params.id, http)),
});
