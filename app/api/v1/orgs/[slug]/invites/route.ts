import * as api from "@/lib/api/invite-endpoints";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { createEmailInvite } from "@/lib/invites/create-email-invite";
import { createLinkInvite } from "@/lib/invites/create-link-invite";
import { listInvites } from "@/lib/invites/list-invites";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(api.listInvites, async ({ db, ctx }) => ({ invites: await listInvites(db, ctx) })),
  POST: route(api.createInvite, async ({ db, ctx, body, http }) => {
    const { invite, link } = body.kind === "email" ? await createEmailInvite(db, ctx, body, http) : await createLinkInvite(db, ctx, body, http);
    return { id: invite.id, kind: invite.kind, email: invite.email, expiresAt: invite.expiresAt, maxUses: invite.maxUses, link };
  }),
});
