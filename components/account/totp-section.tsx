"use client";

import { useActionState } from "react";
import { confirmTotpAction, disableTotpAction, regenerateRecoveryCodesAction, startTotpAction, type ActionState } from "@/app/account/security/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { RecoveryCodesList } from "./recovery-codes-list";

export function TotpSection({ enabled, recoveryCodesLeft }: { enabled: boolean; recoveryCodesLeft: number }) {
  const [started, start, starting] = useActionState<ActionState, FormData>(startTotpAction, {});
  const [confirmed, confirm, confirming] = useActionState<ActionState, FormData>(confirmTotpAction, {});
  const [disabled, disable, disabling] = useActionState<ActionState, FormData>(disableTotpAction, {});
  const [regenerated, regenerate, regenerating] = useActionState<ActionState, FormData>(regenerateRecoveryCodesAction, {});
  const freshCodes = confirmed.recoveryCodes ?? regenerated.recoveryCodes;

  return (
    <div className="flex flex-col gap-4">
      {[confirmed.message, disabled.message, regenerated.message].filter(Boolean).map((message) => (
        <Notice key={message} tone="success">
          {message}
        </Notice>
      ))}
      {freshCodes && <RecoveryCodesList codes={freshCodes} />}
      {(started.error || regenerated.error) && <Notice tone="error">{started.error ?? regenerated.error}</Notice>}

      {enabled ? (
        <>
          <p className="text-sm">
            <span className="font-medium text-emerald-700 dark:text-emerald-400">Enabled.</span> Sign-in asks for a code from your app. {recoveryCodesLeft}{" "}
            recovery code(s) left.
          </p>
          <form action={regenerate}>
            <Button type="submit" variant="secondary" pending={regenerating}>
              Regenerate recovery codes
            </Button>
          </form>
          <form action={disable} className="flex max-w-md flex-col gap-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
            <Field
              label="Password to remove the authenticator app"
              name="password"
              type="password"
              autoComplete="current-password"
              errors={disabled.fieldErrors?.password}
            />
            <div>
              <Button type="submit" variant="danger" pending={disabling}>
                Remove authenticator app
              </Button>
            </div>
          </form>
        </>
      ) : started.enrollment ? (
        <div className="flex flex-col gap-4 md:flex-row">
          <div
            className="size-44 shrink-0 rounded-md bg-white p-2"
            role="img"
            aria-label="QR code for your authenticator app"
            dangerouslySetInnerHTML={{ __html: started.enrollment.qrSvg }}
          />
          <form action={confirm} className="flex max-w-sm flex-col gap-3">
            <p className="text-sm">Scan the code with your authenticator app, or enter this key by hand:</p>
            <code data-testid="totp-secret" className="rounded bg-zinc-100 px-2 py-1 font-mono text-sm break-all dark:bg-zinc-800">
              {started.enrollment.secret}
            </code>
            <Field label="Code from the app" name="code" autoComplete="one-time-code" inputMode="numeric" required errors={confirmed.fieldErrors?.code} />
            <div>
              <Button type="submit" pending={confirming}>
                Confirm and enable
              </Button>
            </div>
          </form>
        </div>
      ) : (
        <form action={start}>
          <Button type="submit" pending={starting}>
            Set up authenticator app
          </Button>
        </form>
      )}
    </div>
  );
}
