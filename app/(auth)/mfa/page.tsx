import type { Metadata } from "next";
import { AuthHeading } from "@/components/auth/auth-heading";
import { cookies } from "next/headers";
import { MfaForm } from "@/components/auth/mfa-form";
import { PasskeyLoginButton } from "@/components/auth/passkey-login-button";
import { pendingLoginHasPasskeys } from "@/lib/auth/start-passkey-login";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Two-factor authentication" };

export default async function MfaPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const withPasskey = await pendingLoginHasPasskeys(getDb(), (await cookies()).get("cordon_mfa")?.value);
  return (
    <>
      <AuthHeading title="Two-factor authentication">Your password was right. Now prove it is you with your second factor.</AuthHeading>
      {withPasskey && (
        <div className="mb-6 flex flex-col gap-4 border-b border-zinc-200 pb-6 dark:border-zinc-800">
          <PasskeyLoginButton next={next} />
        </div>
      )}
      <MfaForm next={next} />
    </>
  );
}
