import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/components/console/app-header";
import { CreateOrgForm } from "@/components/orgs/create-org-form";
import { Card } from "@/components/ui/card";
import { requireSession } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { listMyOrgs } from "@/lib/orgs/list-my-orgs";

export const metadata: Metadata = { title: "Organisations" };

export default async function OrgsPage() {
  const session = await requireSession("/orgs");
  const orgs = await listMyOrgs(getDb(), session.userId);
  return (
    <div className="min-h-screen bg-zinc-50 dark:bg-zinc-950">
      <AppHeader email={session.user.email} />
      <main className="mx-auto flex max-w-3xl flex-col gap-6 px-6 py-10">
        <h1 className="text-2xl font-semibold tracking-tight">Organisations</h1>
        {orgs.length > 0 ? (
          <ul
            aria-label="Your organisations"
            className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900"
          >
            {orgs.map((org) => (
              <li key={org.id}>
                <Link href={`/orgs/${org.slug}/members`} className="flex items-center justify-between px-5 py-4 hover:bg-zinc-50 dark:hover:bg-zinc-800/60">
                  <span>
                    <span className="font-medium">{org.name}</span>
                    <span className="ml-2 font-mono text-xs text-zinc-500">{org.slug}</span>
                  </span>
                  <span className="text-xs text-zinc-500 capitalize">
                    {org.roleName} · {org.tier}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            You are not in any organisation yet. Create one below, or open an invite link from a colleague.
          </p>
        )}
        <Card title="Create an organisation" description="You become its Admin. It gets its own NATS account with the Free plan's limits.">
          <CreateOrgForm />
        </Card>
      </main>
    </div>
  );
}
