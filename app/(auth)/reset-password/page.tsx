import type { Metadata } from "next";
import Link from "next/link";
import { AuthHeading } from "@/components/auth/auth-heading";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Notice } from "@/components/ui/notice";
import { findResetRecipient } from "@/lib/auth/reset-password";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const recipient = token ? await findResetRecipient(getDb(), token) : null;
  return (
    <>
      <AuthHeading title="Choose a new password" />
      {token && recipient ? (
        <ResetPasswordForm token={token} email={recipient.email} name={recipient.name} />
      ) : (
        <div className="flex flex-col gap-4">
          <Notice tone="error">This reset link is invalid or has expired.</Notice>
          <Link className="text-sm text-emerald-700 hover:underline dark:text-emerald-400" href="/forgot-password">
            Ask for a new link
          </Link>
        </div>
      )}
    </>
  );
}
