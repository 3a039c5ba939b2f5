import { redirect } from "next/navigation";

export default async function OrgHome({ params }: { params: Promise<{ slug: string }> }) {
  redirect(`/orgs/${(await params).slug}/members`);
}
