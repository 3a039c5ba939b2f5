import { Field } from "@/components/ui/field";

/** The per-connection limits a user JWT carries; nats-server has no per-user connection limit (that is the plan's, per account). */
export function LimitFields({
  defaults = { maxPayload: null, maxSubscriptions: null },
  errors,
}: {
  defaults?: { maxPayload: number | null; maxSubscriptions: number | null };
  errors?: Record<string, string[]>;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field
        label="Max payload (bytes)"
        name="maxPayload"
        type="number"
        min={1}
        step={1}
        inputMode="numeric"
        defaultValue={defaults.maxPayload ?? ""}
        errors={errors?.maxPayload}
        hint="Per message. Empty: the plan's limit."
      />
      <Field
        label="Max subscriptions"
        name="maxSubscriptions"
        type="number"
        min={1}
        step={1}
        inputMode="numeric"
        defaultValue={defaults.maxSubscriptions ?? ""}
        errors={errors?.maxSubscriptions}
        hint="Per connection. Empty: the plan's limit."
      />
    </div>
  );
}
