import type { Metadata } from "next";
import { AuthHeading } from "@/components/auth/auth-heading";
import { SignUpForm } from "@/components/auth/signup-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <>
      <AuthHeading title="Create your account">Then create an organisation and get its own NATS account.</AuthHeading>
      <SignUpForm />
    </>
  );
}
