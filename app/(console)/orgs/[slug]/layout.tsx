import Link from "next/link";
import type { ReactNode } from "react";
import { UsageAlertBanner } from "@/components/billing/usage-alert-banner";
import { AppHeader } from "@/components/console/app-header";
import { OrgNav, type NavItem } from "@/components/console/org-nav";
import { OrgSwitcher } from "@/components/console/org-switcher";
import { Notice } from "@/components/ui/notice";
import { getDb } from "@/lib/db/client";
import { listMyOrgs } from "@/lib/orgs/list-my-orgs";
import { loadConsole } from "@/lib/orgs/load-console";
import { can } from "@/lib/orgs/org-context";
import type { Permission } from "@/lib/rbac/permissions";

export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { session, ctx, mfaMissing } = await loadConsole(slug);
  const orgs = await listMyOrgs(getDb(), session.userId);
  const base = `/orgs/${ctx.org.slug}`;
  // Only the sections the member may read; Settings always (their profile, leaving).
  const sections: (NavItem & { permission?: Permission })[] = [
    { href: `${base}/members`, label: "Members", permission: "members:read" },
    { href: `${base}/teams`, label: "Teams", permission: "teams:read" },
    { href: `${base}/invites`, label: "Invites", permission: "invites:read" },
    { href: `${base}/roles`, label: "Roles", permission: "roles:read" },
    { href: `${base}/api-keys`, label: "API keys", permission: "api_keys:read" },
    { href: `${base}/services`, label: "Services", permission: "services:read" },
    { href: `${base}/nats`, label: "NATS", permission: "nats_account:read" },
    { href: `${base}/billing`, label: "Billing", permission: "billing:read" },
    { href: `${base}/audit`, label: "Audit", permission: "audit:read" },
    { href: `${base}/settings`, label: "Settings" },
  ];
  const items: NavItem[] = sections.filter((section) => !section.permission || can(ctx, section.permission)).map(({ href, label }) => ({ href, label }));
  return (
    <div className="min-h-screen bg-zinc-50 dark:bg-zinc-950">
      <AppHeader email={session.user.email}>
        <OrgSwitcher current={ctx.org.slug} orgs={orgs} />
      </AppHeader>
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 md:flex-row md:px-6">
        <aside className="md:w-48 md:shrink-0">
          <OrgNav items={items} />
        </aside>
        <main className="flex min-w-0 flex-1 flex-col gap-6">
          {!mfaMissing && <UsageAlertBanner ctx={ctx} />}
          {mfaMissing ? (
            <Notice tone="error">
              {ctx.org.name} requires two-factor authentication.{" "}
              <Link className="underline" href="/account/security">
                Set up an authenticator app or a passkey
              </Link>{" "}
              to continue.
            </Notice>
          ) : (
            children
          )}
        </main>
      </div>
    </div>
  );
}
