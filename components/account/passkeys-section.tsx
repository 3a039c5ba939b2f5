"use client";

import { startRegistration, WebAuthnError } from "@simplewebauthn/browser";
import { useActionState, useState, useTransition } from "react";
import {
  finishPasskeyRegistrationAction,
  removePasskeyAction,
  renamePasskeyAction,
  startPasskeyRegistrationAction,
  type ActionState,
} from "@/app/account/security/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { RecoveryCodesList } from "./recovery-codes-list";

export type PasskeyRow = { id: string; name: string; createdAt: string; lastUsedAt: string | null };

function browserError(error: unknown): string {
  if (error instanceof WebAuthnError && error.code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED")
    return "This authenticator already holds a passkey for your account.";
  if (error instanceof Error && error.name === "NotAllowedError") return "The passkey request was cancelled or timed out.";
  return error instanceof Error ? error.message : "The browser could not create a passkey.";
}

function PasskeyItem({ passkey }: { passkey: PasskeyRow }) {
  const [renamed, rename, renaming] = useActionState<ActionState, FormData>(renamePasskeyAction, {});
  const [removed, remove, removing] = useActionState<ActionState, FormData>(removePasskeyAction, {});
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="flex flex-col gap-2 py-3" aria-label={`Passkey ${passkey.name}`}>
      {(renamed.error || removed.error) && <Notice tone="error">{renamed.error ?? removed.error}</Notice>}
      {renamed.message && <Notice tone="success">{renamed.message}</Notice>}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="text-sm">
          <div className="font-medium">{passkey.name}</div>
          <div className="text-zinc-500">
            Added {new Date(passkey.createdAt).toLocaleDateString()} ·{" "}
            {passkey.lastUsedAt ? `last used ${new Date(passkey.lastUsedAt).toLocaleString()}` : "never used"}
          </div>
        </div>
        <div className="flex gap-2">
          <Button type="button" variant="secondary" onClick={() => setEditing(!editing)} aria-expanded={editing}>
            Rename
          </Button>
          {confirming ? (
            <form action={remove} className="flex gap-2">
              <input type="hidden" name="passkeyId" value={passkey.id} />
              <Button type="submit" variant="danger" pending={removing}>
                Confirm removal
              </Button>
              <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
                Keep
              </Button>
            </form>
          ) : (
            <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
              Remove
            </Button>
          )}
        </div>
      </div>
      {editing && (
        <form action={rename} className="flex items-end gap-2">
          <input type="hidden" name="passkeyId" value={passkey.id} />
          <Field label="New name" name="name" defaultValue={passkey.name} maxLength={60} />
          <Button type="submit" pending={renaming}>
            Save
          </Button>
        </form>
      )}
    </li>
  );
}

export function PasskeysSection({ passkeys }: { passkeys: PasskeyRow[] }) {
  const [name, setName] = useState("");
  const [result, setResult] = useState<ActionState>({});
  const [pending, startTransition] = useTransition();

  const add = () =>
    startTransition(async () => {
      if (!name.trim()) return setResult({ fieldErrors: { name: ["Name the passkey, e.g. “Work laptop”."] } });
      try {
        const options = await startPasskeyRegistrationAction();
        const response = await startRegistration({ optionsJSON: options });
        const finished = await finishPasskeyRegistrationAction(response, name);
        setResult(finished);
        if (!finished.error) setName("");
      } catch (error) {
        setResult({ error: browserError(error) });
      }
    });

  return (
    <div className="flex flex-col gap-4">
      {result.message && <Notice tone="success">{result.message}</Notice>}
      {result.error && <Notice tone="error">{result.error}</Notice>}
      {result.recoveryCodes && <RecoveryCodesList codes={result.recoveryCodes} />}
      {passkeys.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No passkeys yet. A passkey signs you in with your device&apos;s screen lock or a security key.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Passkeys">
          {passkeys.map((passkey) => (
            <PasskeyItem key={passkey.id} passkey={passkey} />
          ))}
        </ul>
      )}
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <Field label="Passkey name" name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} errors={result.fieldErrors?.name} />
        <Button type="submit" pending={pending}>
          Add a passkey
        </Button>
      </form>
    </div>
  );
}
