import type { Metadata } from "next";
import { AuthHeading } from "@/components/auth/auth-heading";
import { MfaForm } from "@/components/auth/mfa-form";

export const metadata: Metadata = { title: "Two-factor authentication" };

export default async function MfaPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return (
    <>
      <AuthHeading title="Two-factor authentication">Your password was right. Now prove it is you with your second factor.</AuthHeading>
      <MfaForm next={next} />
    </>
  );
}
