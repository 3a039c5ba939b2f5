import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NoAccess } from "@/components/console/no-access";
import { PageHeader } from "@/components/console/page-header";
import { TeamForm } from "@/components/teams/team-form";
import { DeleteTeamButton, TeamMembers } from "@/components/teams/team-members";
import { Card } from "@/components/ui/card";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { getTeam } from "@/lib/orgs/get-team";
import { loadConsole } from "@/lib/orgs/load-console";
import { can } from "@/lib/orgs/org-context";
import { roleOptions } from "@/lib/orgs/role-options";
import { updateTeamAction } from "../actions";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ params }: { params: Promise<{ slug: string; teamId: string }> }) {
  const { slug, teamId } = await params;
  const { ctx } = await loadConsole(slug);
  if (!can(ctx, "teams:read")) return <NoAccess orgSlug={slug} orgName={ctx.org.name} title="Team" permission="teams:read" />;
  const team = await getTeam(getDb(), ctx, teamId).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const roles = await roleOptions(getDb(), ctx);
  const editable = can(ctx, "teams:write");
  return (
    <>
      <PageHeader
        orgSlug={slug}
        orgName={ctx.org.name}
        title={team.name}
        description={team.roleName ? `Members inherit the ${team.roleName} role.` : "Grants no role."}
      />
      <Card title="Members">
        <TeamMembers slug={slug} teamId={team.id} members={team.members} editable={editable} />
      </Card>
      {editable && (
        <Card title="Edit team">
          <TeamForm
            action={updateTeamAction.bind(null, slug, team.id)}
            roles={roles}
            values={{ name: team.name, description: team.description, role: team.roleValue ?? "" }}
            submitLabel="Save team"
          />
        </Card>
      )}
      {can(ctx, "teams:delete") && (
        <Card title="Delete team" description="Its members lose the role it granted; their own roles stay.">
          <DeleteTeamButton slug={slug} teamId={team.id} teamName={team.name} />
        </Card>
      )}
    </>
  );
}
