"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { useState, useTransition } from "react";
import { finishPasskeyLoginAction, startPasskeyLoginAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

export function PasskeyLoginButton({ next }: { next?: string }) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const signIn = () =>
    startTransition(async () => {
      setError(undefined);
      try {
        const options = await startPasskeyLoginAction();
        if (!options) return setError("Your sign-in took too long. Start again from the sign-in page.");
        const result = await finishPasskeyLoginAction(await startAuthentication({ optionsJSON: options }), next ?? "");
        setError(result.error ?? result.fieldErrors?.passkey?.[0]);
      } catch (cause) {
        setError(
          cause instanceof Error && cause.name === "NotAllowedError"
            ? "The passkey request was cancelled or timed out."
            : "The passkey did not work. Try again or use a code.",
        );
      }
    });
  return (
    <div className="flex flex-col gap-3">
      {error && <Notice tone="error">{error}</Notice>}
      <Button type="button" variant="secondary" onClick={signIn} pending={pending}>
        Use a passkey
      </Button>
    </div>
  );
}
