import type { Metadata } from "next";
import { NoAccess } from "@/components/console/no-access";
import { PageHeader } from "@/components/console/page-header";
import { CheckAccessPanel } from "@/components/roles/check-access-panel";
import { CreateRoleForm } from "@/components/roles/create-role-form";
import { PermissionMatrix } from "@/components/roles/permission-matrix";
import { Card } from "@/components/ui/card";
import { getDb } from "@/lib/db/client";
import { listMembers } from "@/lib/orgs/list-members";
import { listRoles } from "@/lib/orgs/list-roles";
import { loadConsole } from "@/lib/orgs/load-console";
import { can } from "@/lib/orgs/org-context";

export const metadata: Metadata = { title: "Roles" };

export default async function RolesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await loadConsole(slug);
  if (!can(ctx, "roles:read")) return <NoAccess orgSlug={slug} orgName={ctx.org.name} title="Roles" permission="roles:read" />;
  const [roles, members] = await Promise.all([listRoles(getDb(), ctx), can(ctx, "members:read") ? listMembers(getDb(), ctx, { pageSize: 100 }) : null]);
  const editable = can(ctx, "roles:write");
  return (
    <>
      <PageHeader
        orgSlug={slug}
        orgName={ctx.org.name}
        title="Roles"
        description="What each role may do. A member's permissions are their role's plus those of their teams' roles."
      />
      <PermissionMatrix slug={slug} roles={roles} editable={editable} />
      {editable && (
        <Card title="Create a custom role" description="Any subset of the permissions. You can only grant permissions you have yourself.">
          <CreateRoleForm slug={slug} />
        </Card>
      )}
      {members && (
        <Card title="Check access" description="Whether a member has a permission, and where it comes from.">
          <CheckAccessPanel slug={slug} members={members.members.map((m) => ({ id: m.id, label: `${m.name} <${m.email}>` }))} />
        </Card>
      )}
    </>
  );
}
