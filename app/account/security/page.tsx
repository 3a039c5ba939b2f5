import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { PasskeysSection } from "@/components/account/passkeys-section";
import { SessionsList } from "@/components/account/sessions-list";
import { TotpSection } from "@/components/account/totp-section";
import { Card } from "@/components/ui/card";
import { requireSession } from "@/lib/auth/current-user";
import { listPasskeys } from "@/lib/auth/list-passkeys";
import { listActiveSessions } from "@/lib/auth/list-sessions";
import { userMfaMethods } from "@/lib/auth/user-mfa";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  const session = await requireSession("/account/security");
  const [mfa, sessions, passkeys] = await Promise.all([
    userMfaMethods(getDb(), session.userId),
    listActiveSessions(getDb(), session.userId),
    listPasskeys(getDb(), session.userId),
  ]);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Security</h1>
      <Card title="Password" description="At least 12 characters, not your email or name, and not a known breached password.">
        <ChangePasswordForm email={session.user.email} name={session.user.name} />
      </Card>
      <Card title="Authenticator app" description="Time-based one-time codes (TOTP) from an app such as 1Password, Authy or Google Authenticator.">
        <TotpSection enabled={mfa.totp} recoveryCodesLeft={mfa.recoveryCodesLeft} />
      </Card>
      <Card title="Passkeys" description="Use your device's screen lock or a security key as a second factor.">
        <PasskeysSection
          passkeys={passkeys.map((p) => ({ id: p.id, name: p.name, createdAt: p.createdAt.toISOString(), lastUsedAt: p.lastUsedAt?.toISOString() ?? null }))}
        />
      </Card>
      <Card title="Sessions" description="Everywhere you are signed in. Signing a session out takes effect on its next request.">
        <SessionsList
          sessions={sessions.map((s) => ({
            id: s.id,
            kind: s.kind,
            deviceName: s.deviceName,
            ip: s.ip,
            createdAt: s.createdAt.toISOString(),
            lastSeenAt: s.lastSeenAt.toISOString(),
            current: s.id === session.id,
          }))}
        />
      </Card>
    </>
  );
}
