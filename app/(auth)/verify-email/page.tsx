import type { Metadata } from "next";
import { AuthHeading } from "@/components/auth/auth-heading";
import { TokenActionForm } from "@/components/auth/token-action-form";
import { Notice } from "@/components/ui/notice";
import { verifyEmailAction } from "../actions";

export const metadata: Metadata = { title: "Verify your email" };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <>
      <AuthHeading title="Verify your email" />
      {token ? (
        <TokenActionForm token={token} action={verifyEmailAction} label="Verify my email address" doneMessage="Your email address is verified." />
      ) : (
        <Notice tone="error">This link is missing its token. Open the link from the email again.</Notice>
      )}
    </>
  );
}
