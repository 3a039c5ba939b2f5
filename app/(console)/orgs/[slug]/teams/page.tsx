import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/console/no-access";
import { PageHeader } from "@/components/console/page-header";
import { TeamForm } from "@/components/teams/team-form";
import { Card } from "@/components/ui/card";
import { getDb } from "@/lib/db/client";
import { listTeams } from "@/lib/orgs/list-teams";
import { loadConsole } from "@/lib/orgs/load-console";
import { can } from "@/lib/orgs/org-context";
import { roleOptions } from "@/lib/orgs/role-options";
import { createTeamAction } from "./actions";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await loadConsole(slug);
  if (!can(ctx, "teams:read")) return <NoAccess orgSlug={slug} orgName={ctx.org.name} title="Teams" permission="teams:read" />;
  const [teams, roles] = await Promise.all([listTeams(getDb(), ctx), roleOptions(getDb(), ctx)]);
  return (
    <>
      <PageHeader orgSlug={slug} orgName={ctx.org.name} title="Teams" description="Group members; a team's role is inherited by everyone in it." />
      {teams.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No teams yet.
        </p>
      ) : (
        <ul
          aria-label="Teams"
          className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900"
        >
          {teams.map((team) => (
            <li key={team.id}>
              <Link href={`/orgs/${slug}/teams/${team.id}`} className="flex items-center justify-between px-5 py-3 hover:bg-zinc-50 dark:hover:bg-zinc-800/60">
                <span>
                  <span className="font-medium">{team.name}</span>
                  {team.description && <span className="ml-2 text-sm text-zinc-500">{team.description}</span>}
                </span>
                <span className="text-xs text-zinc-500">
                  {team.roleName ?? "No role"} · {team.memberCount} {team.memberCount === 1 ? "member" : "members"}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {can(ctx, "teams:write") && (
        <Card title="Create a team">
          <TeamForm action={createTeamAction.bind(null, slug)} roles={roles} submitLabel="Create team" />
        </Card>
      )}
    </>
  );
}
