import type { Metadata } from "next";
import { NoAccess } from "@/components/console/no-access";
import { PageHeader } from "@/components/console/page-header";
import { NatsTabs } from "@/components/nats/nats-tabs";
import { CreateNatsUserForm } from "@/components/nats-users/create-nats-user-form";
import { NatsUsersTable } from "@/components/nats-users/nats-users-table";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { natsRuntime } from "@/lib/boot/boot-state";
import { loadConfig } from "@/lib/config/config";
import { getDb } from "@/lib/db/client";
import { listNatsUsers } from "@/lib/nats-users/list-nats-users";
import { loadConsole } from "@/lib/orgs/load-console";
import { can } from "@/lib/orgs/org-context";

export const metadata: Metadata = { title: "NATS users" };

export default async function NatsUsersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await loadConsole(slug);
  if (!can(ctx, "nats_users:read")) return <NoAccess orgSlug={slug} orgName={ctx.org.name} title="NATS users" permission="nats_users:read" />;
  const listing = await listNatsUsers(getDb(), natsRuntime(), ctx);
  return (
    <>
      <PageHeader
        orgSlug={slug}
        orgName={ctx.org.name}
        title="NATS users"
        description="Credentials for the services, apps, devices and leaf nodes that connect to your NATS account, each with exactly the subjects it needs."
      />
      <NatsTabs orgSlug={slug} current="users" />
      {ctx.org.status !== "active" && <Notice>Your NATS account is still being set up: credentials issued now work once it is active.</Notice>}
      {!listing.connections.available && <Notice>Last connections are unavailable: {listing.connections.reason}.</Notice>}
      {listing.users.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No NATS users yet.
        </p>
      ) : (
        <NatsUsersTable slug={slug} users={listing.users} />
      )}
      {can(ctx, "nats_users:write") && (
        <Card
          title="Create a NATS user"
          description="Cordon issues a key pair and a JWT signed by your account; the .creds file is shown once and only its public key is kept."
        >
          <CreateNatsUserForm slug={slug} natsUrl={loadConfig().natsUrl} />
        </Card>
      )}
    </>
  );
}
