import type { Metadata } from "next";
import { PageHeader } from "@/components/console/page-header";
import { DeleteOrgForm, LeaveOrgForm, OrgSettingsForm, ProfileForm } from "@/components/settings/settings-forms";
import { Card } from "@/components/ui/card";
import { DELETE_GRACE_DAYS } from "@/lib/orgs/delete-org";
import { loadConsole } from "@/lib/orgs/load-console";
import { can } from "@/lib/orgs/org-context";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await loadConsole(slug);
  return (
    <>
      <PageHeader orgSlug={slug} orgName={ctx.org.name} title="Settings" />
      <Card title="Organisation" description={can(ctx, "settings:write") ? undefined : "Only members with the settings:write permission can change these."}>
        <OrgSettingsForm
          slug={ctx.org.slug}
          name={ctx.org.name}
          requireMfa={ctx.org.requireMfa}
          corsOrigins={ctx.org.corsOrigins}
          canEdit={can(ctx, "settings:write")}
        />
      </Card>
      <Card title="Your profile" description="How other members see you.">
        <ProfileForm slug={slug} name={ctx.user.name} jobTitle={ctx.user.jobTitle ?? ""} />
      </Card>
      <Card title="Leave organisation" description="You lose access at once. The last Admin cannot leave.">
        <LeaveOrgForm slug={slug} orgName={ctx.org.name} />
      </Card>
      {can(ctx, "settings:delete") && (
        <Card title="Delete organisation" description={`It disappears for every member at once; its data is purged after ${DELETE_GRACE_DAYS} days.`}>
          <DeleteOrgForm slug={slug} />
        </Card>
      )}
    </>
  );
}
