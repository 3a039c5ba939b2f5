import type { Metadata } from "next";
import { AuthHeading } from "@/components/auth/auth-heading";
import { TokenActionForm } from "@/components/auth/token-action-form";
import { Notice } from "@/components/ui/notice";
import { unlockAction } from "../actions";

export const metadata: Metadata = { title: "Unlock your account" };

export default async function UnlockPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <>
      <AuthHeading title="Unlock your account">Your account was locked after repeated failed sign-in attempts.</AuthHeading>
      {token ? (
        <TokenActionForm token={token} action={unlockAction} label="Unlock my account" doneMessage="Your account is unlocked." />
      ) : (
        <Notice tone="error">This link is missing its token. Open the link from the email again.</Notice>
      )}
    </>
  );
}
