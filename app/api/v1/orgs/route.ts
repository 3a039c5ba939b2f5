import * as api from "@/lib/api/org-endpoints";
import { natsRuntime } from "@/lib/boot/boot-state";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { createOrgAndAccount } from "@/lib/orgs/create-org-and-account";
import { listMyOrgs } from "@/lib/orgs/list-my-orgs";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.listOrgs, async ({ db, principal }) => ({ orgs: principal?.kind === "user" ? await listMyOrgs(db, principal.userId) : [] })),
  POST: route(api.createOrg, async ({ db, principal, body, http }) => {
    if (principal?.kind !== "user") return null;
    return api.orgJson(await createOrgAndAccount(db, natsRuntime(), { userId: principal.userId, email: principal.email }, body, http));
  }),
});
