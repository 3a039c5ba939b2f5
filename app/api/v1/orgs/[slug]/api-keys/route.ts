import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import * as api from "@/lib/api/api-key-endpoints";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.listApiKeys, ({ db, ctx, query }) => listApiKeys(db, ctx, query)),
  POST: route(api.createApiKey, ({ db, ctx, body, http }) => createApiKey(db, ctx, body, http)),
});
