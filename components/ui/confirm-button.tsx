"use client";

import { useState, type ReactNode } from "react";
import { Button } from "./button";

/** A destructive action that asks once more, inline, before it runs. */
export function ConfirmButton({
  label,
  confirmLabel,
  onConfirm,
  pending,
  children,
}: {
  label: string;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  children?: ReactNode;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button type="button" variant="secondary" onClick={() => setAsking(true)} aria-label={label}>
        {children ?? label}
      </Button>
    );
  }
  return (
    <span className="inline-flex gap-2">
      <Button type="button" variant="danger" pending={pending} onClick={onConfirm}>
        {confirmLabel}
      </Button>
      <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </span>
  );
}
