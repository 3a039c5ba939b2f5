import type { Metadata } from "next";
import { NoAccess } from "@/components/console/no-access";
import { PageHeader } from "@/components/console/page-header";
import { EmailInviteForm, LinkInviteForm, RevokeInviteButton } from "@/components/invites/invite-forms";
import { Card } from "@/components/ui/card";
import { DataTable, Th } from "@/components/ui/data-table";
import { getDb } from "@/lib/db/client";
import { listInvites } from "@/lib/invites/list-invites";
import { loadConsole } from "@/lib/orgs/load-console";
import { can } from "@/lib/orgs/org-context";
import { roleOptions } from "@/lib/orgs/role-options";

export const metadata: Metadata = { title: "Invites" };

const STATUS_LABELS = { active: "Active", expired: "Expired", used_up: "Used up", revoked: "Revoked", accepted: "Accepted" } as const;

export default async function InvitesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await loadConsole(slug);
  if (!can(ctx, "invites:read")) return <NoAccess orgSlug={slug} orgName={ctx.org.name} title="Invites" permission="invites:read" />;
  const [invites, roles] = await Promise.all([listInvites(getDb(), ctx), roleOptions(getDb(), ctx)]);
  const canCreate = can(ctx, "invites:write");
  return (
    <>
      <PageHeader
        orgSlug={slug}
        orgName={ctx.org.name}
        title="Invites"
        description="Invite people by email, or share a link that works a set number of times."
      />
      {canCreate && (
        <div className="grid gap-6 xl:grid-cols-2">
          <Card title="Invite by email" description="A single-use link, valid for 7 days, sent to that address only.">
            <EmailInviteForm slug={slug} roles={roles} />
          </Card>
          <Card title="Shareable link" description="Anyone with the link can join until it expires or runs out of uses.">
            <LinkInviteForm slug={slug} roles={roles} />
          </Card>
        </div>
      )}
      {invites.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No invites yet.
        </p>
      ) : (
        <DataTable
          caption="Invites"
          columns={
            <>
              <Th>Invite</Th>
              <Th>Role</Th>
              <Th>Status</Th>
              <Th>Uses</Th>
              <Th>Expires</Th>
              <Th />
            </>
          }
        >
          {invites.map((invite) => (
            <tr key={invite.id}>
              <td className="px-4 py-2">
                {invite.kind === "email" ? invite.email : "Shareable link"}
                <div className="text-xs text-zinc-500">by {invite.createdByName}</div>
              </td>
              <td className="px-4 py-2">{invite.roleName}</td>
              <td className="px-4 py-2">{STATUS_LABELS[invite.status]}</td>
              <td className="px-4 py-2">
                {invite.usedCount} / {invite.maxUses}
              </td>
              <td className="px-4 py-2 whitespace-nowrap">{invite.expiresAt.toISOString().slice(0, 10)}</td>
              <td className="px-4 py-2 text-right">
                {invite.status === "active" && can(ctx, "invites:delete") && (
                  <RevokeInviteButton slug={slug} inviteId={invite.id} label={invite.kind === "email" ? `invite for ${invite.email}` : "invite link"} />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
