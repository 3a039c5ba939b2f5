import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { NoAccess } from "@/components/console/no-access";
import { PageHeader } from "@/components/console/page-header";
import { NatsTabs } from "@/components/nats/nats-tabs";
import { EditNatsUserForm } from "@/components/nats-users/edit-nats-user-form";
import { NatsUserActions } from "@/components/nats-users/nats-user-actions";
import { formatTime, StatusBadge } from "@/components/nats-users/nats-users-table";
import { PermissionSimulator } from "@/components/nats-users/permission-simulator";
import { Card } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-field";
import { loadConfig } from "@/lib/config/config";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { getNatsUser } from "@/lib/nats-users/get-nats-user";
import { permissionsSummary } from "@/lib/nats-users/nats-user-view";
import { loadConsole } from "@/lib/orgs/load-console";
import { can } from "@/lib/orgs/org-context";

export const metadata: Metadata = { title: "NATS user" };

export default async function NatsUserPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { ctx } = await loadConsole(slug);
  if (!can(ctx, "nats_users:read")) return <NoAccess orgSlug={slug} orgName={ctx.org.name} title="NATS users" permission="nats_users:read" />;
  const user = await getNatsUser(getDb(), ctx, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const natsUrl = loadConfig().natsUrl;
  const canWrite = can(ctx, "nats_users:write");
  const facts: [string, ReactNode][] = [
    ["Kind", user.kind],
    ["Status", <StatusBadge key="status" status={user.status} />],
    [
      "Permissions",
      <span key="permissions" className="font-mono text-xs">
        {permissionsSummary(user.permissions)}
      </span>,
    ],
    ["Expires", user.expiresAt ? formatTime(user.expiresAt) : "Never"],
    ["Max payload", user.maxPayload === null ? "The plan's limit" : `${user.maxPayload.toLocaleString("en")} bytes`],
    ["Max subscriptions", user.maxSubscriptions === null ? "The plan's limit" : user.maxSubscriptions.toLocaleString("en")],
    ["Credentials issued", formatTime(user.lastIssuedAt)],
    ["Created", `${formatTime(user.createdAt)}${user.createdBy ? ` by ${user.createdBy.name}` : ""}`],
    ...(user.revokedAt ? ([["Revoked", formatTime(user.revokedAt)]] as [string, string][]) : []),
  ];
  return (
    <>
      <PageHeader orgSlug={slug} orgName={ctx.org.name} title={user.name} description={user.description || `A ${user.kind} user of your NATS account.`} />
      <NatsTabs orgSlug={slug} current="users" />
      <Link href={`/orgs/${slug}/nats/users`} className="text-sm text-emerald-800 hover:underline dark:text-emerald-300">
        ← All NATS users
      </Link>
      <Card title="Details">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-4">
          <CopyField label="Public key (the user's NKey; the seed exists only in its .creds file)" value={user.publicKey} />
        </div>
        <div className="mt-4">
          <NatsUserActions
            slug={slug}
            user={{ id: user.id, name: user.name, revoked: user.status === "revoked" }}
            natsUrl={natsUrl}
            canWrite={canWrite}
            canDelete={can(ctx, "nats_users:delete")}
          />
        </div>
      </Card>
      <Card
        title="Simulator"
        description="May this user do that? The same rules nats-server applies: deny wins over allow, replies only through allow_responses."
      >
        <PermissionSimulator permissions={user.permissions} />
      </Card>
      {canWrite && user.status !== "revoked" && (
        <Card title="Edit">
          <EditNatsUserForm slug={slug} user={user} natsUrl={natsUrl} />
        </Card>
      )}
    </>
  );
}
