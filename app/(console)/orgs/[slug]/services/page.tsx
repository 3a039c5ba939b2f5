import type { Metadata } from "next";
import { NoAccess } from "@/components/console/no-access";
import { PageHeader } from "@/components/console/page-header";
import { RegisterServiceForm } from "@/components/services/register-service-form";
import { DeleteServiceButton, EditBaseUrlForm, RetirePreviousSecretButton, RotateSecretButton } from "@/components/services/service-actions";
import { Card } from "@/components/ui/card";
import { DataTable, Th } from "@/components/ui/data-table";
import { getDb } from "@/lib/db/client";
import { loadConsole } from "@/lib/orgs/load-console";
import { can } from "@/lib/orgs/org-context";
import { listServices } from "@/lib/services/list-services";

export const metadata: Metadata = { title: "Services" };

const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export default async function ServicesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await loadConsole(slug);
  if (!can(ctx, "services:read")) return <NoAccess orgSlug={slug} orgName={ctx.org.name} title="Services" permission="services:read" />;
  const services = await listServices(getDb(), ctx);
  const canWrite = can(ctx, "services:write");
  const canDelete = can(ctx, "services:delete");
  return (
    <>
      <PageHeader
        orgSlug={slug}
        orgName={ctx.org.name}
        title="Services"
        description={
          <>
            Upstream services behind the API gateway: <code>/api/v1/orgs/{slug}/services/&lt;name&gt;/…</code> is forwarded to the service with the
            caller&apos;s identity, signed with the service&apos;s secret.
          </>
        }
      />
      {services.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No services yet.{canWrite && " Register one below to route API calls to it."}
        </p>
      ) : (
        <DataTable
          caption="Services"
          columns={
            <>
              <Th>Name</Th>
              <Th>Base URL</Th>
              <Th>Signing secret</Th>
              <Th>Created</Th>
              <Th />
            </>
          }
        >
          {services.map((service) => {
            const ref = { slug, serviceId: service.id, name: service.name };
            return (
              <tr key={service.id} className="align-top">
                <td className="px-4 py-2 font-mono">{service.name}</td>
                <td className="px-4 py-2">
                  {canWrite ? (
                    <details>
                      <summary className="cursor-pointer font-mono text-xs break-all">{service.baseUrl}</summary>
                      <div className="mt-2">
                        <EditBaseUrlForm {...ref} baseUrl={service.baseUrl} />
                      </div>
                    </details>
                  ) : (
                    <span className="font-mono text-xs break-all">{service.baseUrl}</span>
                  )}
                </td>
                <td className="px-4 py-2">
                  {service.previousSecretAcceptedUntil ? (
                    <span className="text-amber-700 dark:text-amber-400">Rotating — old secret accepted until {utc(service.previousSecretAcceptedUntil)}</span>
                  ) : (
                    "Active"
                  )}
                </td>
                <td className="px-4 py-2 whitespace-nowrap">{service.createdAt.toISOString().slice(0, 10)}</td>
                <td className="px-4 py-2">
                  <div className="flex flex-col items-end gap-2">
                    {canWrite && <RotateSecretButton {...ref} />}
                    {canWrite && service.previousSecretAcceptedUntil && <RetirePreviousSecretButton {...ref} />}
                    {canDelete && <DeleteServiceButton {...ref} />}
                  </div>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      {canWrite && (
        <Card title="Register a service" description="Its signing secret is generated for you and shown once.">
          <RegisterServiceForm slug={slug} />
        </Card>
      )}
    </>
  );
}
