import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";
import { AuthHeading } from "@/components/auth/auth-heading";
import { Notice } from "@/components/ui/notice";
import { currentSession } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { describeInvite } from "@/lib/invites/describe-invite";

export const metadata: Metadata = { title: "Invitation" };

const UNUSABLE: Record<string, string> = {
  expired: "This invitation has expired. Ask whoever invited you for a new one.",
  used_up: "This invitation has already been used as many times as it allows. Ask for a new one.",
  revoked: "This invitation was withdrawn. Ask whoever invited you for a new one.",
  org_deleted: "The organisation behind this invitation no longer exists.",
  unknown: "This invitation link is not valid. Check that you copied all of it.",
};

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, session] = await Promise.all([describeInvite(getDb(), token), currentSession()]);
  if (invite.status !== "valid") {
    return (
      <>
        <AuthHeading title="Invitation unavailable" />
        <Notice tone="error">{UNUSABLE[invite.status] ?? UNUSABLE.unknown}</Notice>
      </>
    );
  }
  const here = `/invite/${token}`;
  return (
    <>
      <AuthHeading title={`Join ${invite.orgName}`}>
        {invite.inviterName} invited {invite.email ?? "you"} to join as {invite.roleName}.
      </AuthHeading>
      {session ? (
        <div className="flex flex-col gap-3">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Signed in as {session.user.email}.</p>
          <AcceptInviteForm token={token} orgName={invite.orgName} />
        </div>
      ) : (
        <div className="flex flex-col gap-3">
          <Link
            href={`/signup?next=${encodeURIComponent(here)}`}
            className="rounded-md bg-emerald-700 px-3.5 py-2 text-center text-sm font-medium text-white hover:bg-emerald-800"
          >
            Create an account to join
          </Link>
          <Link
            href={`/login?next=${encodeURIComponent(here)}`}
            className="rounded-md border border-zinc-300 px-3.5 py-2 text-center text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            I already have an account
          </Link>
        </div>
      )}
    </>
  );
}
