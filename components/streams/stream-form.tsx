"use client";

import { useActionState, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/orgs/org-action";

/** The form's values as typed: limits in MB, hours and KB, empty for no limit. */
export type StreamFormValues = { name: string; subjects: string; storage: string; maxMegabytes: string; maxAgeHours: string; maxMessageKilobytes: string };

const EMPTY_STREAM_FORM: StreamFormValues = { name: "", subjects: "", storage: "file", maxMegabytes: "", maxAgeHours: "", maxMessageKilobytes: "" };

/** A refused submit comes back with what was typed, so the form shows it again. */
export type StreamFormState = ActionResult & { values?: StreamFormValues };

function Errors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="text-xs text-red-700 dark:text-red-400">
      {errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}

/**
 * Create a stream (`editing` false) or change one's subjects and limits. What
 * was typed survives a refused submit; a successful create clears the form.
 */
export function StreamForm({
  action,
  initial = EMPTY_STREAM_FORM,
  editing = false,
  submitLabel,
}: {
  action: (state: StreamFormState, form: FormData) => Promise<StreamFormState>;
  initial?: StreamFormValues;
  editing?: boolean;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState<StreamFormState, FormData>(action, { ok: true });
  const values = state.values ?? initial;
  // Every answer remounts the fields with `values` as their defaults: React resets a form after
  // its action, and a <select> would otherwise keep its first default.
  const [answered, setAnswered] = useState(state);
  const [version, setVersion] = useState(0);
  if (answered !== state) {
    setAnswered(state);
    setVersion(version + 1);
  }
  const errors = state.ok ? undefined : state.fieldErrors;
  const id = useId();
  const selectClass = "rounded-md border border-zinc-300 bg-white px-2 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";
  return (
    <form key={version} action={formAction} className="flex max-w-2xl flex-col gap-4" noValidate>
      {state.ok && state.message && <Notice tone="success">{state.message}</Notice>}
      {!state.ok && !state.fieldErrors && <Notice tone="error">{state.error}</Notice>}
      {!editing && (
        <div className="grid gap-4 sm:grid-cols-[1fr_max-content]">
          <Field
            label="Name"
            name="name"
            required
            defaultValue={values.name}
            errors={errors?.name}
            hint="Letters, digits, - and _, up to 64. It cannot change later."
          />
          <div className="flex flex-col gap-1.5 text-sm">
            <label htmlFor={`${id}-storage`} className="font-medium">
              Storage
            </label>
            <select
              id={`${id}-storage`}
              name="storage"
              defaultValue={values.storage}
              aria-describedby={errors?.storage ? `${id}-storage-error` : undefined}
              className={selectClass}
            >
              <option value="file">File (survives restarts)</option>
              <option value="memory">Memory (faster, lost on restart)</option>
            </select>
            <Errors id={`${id}-storage-error`} errors={errors?.storage} />
          </div>
        </div>
      )}
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-subjects`} className="text-sm font-medium">
          Subjects
        </label>
        <textarea
          id={`${id}-subjects`}
          name="subjects"
          rows={2}
          required
          defaultValue={values.subjects}
          aria-invalid={errors?.subjects ? true : undefined}
          aria-describedby={`${id}-subjects-hint${errors?.subjects ? ` ${id}-subjects-error` : ""}`}
          className="rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm shadow-xs outline-none focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/30 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <div id={`${id}-subjects-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          Separated by commas or new lines, e.g. <code>orders.&gt;</code>, <code>payments.*.created</code>. <code>events.</code>, <code>dlq.</code> and{" "}
          <code>webhook-retry.</code> belong to the system streams.
        </div>
        <Errors id={`${id}-subjects-error`} errors={errors?.subjects} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          label="Max size (MB)"
          name="maxMegabytes"
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          defaultValue={values.maxMegabytes}
          errors={errors?.maxBytes}
          hint="Empty: bounded only by your plan's storage. A max size is reserved from it."
        />
        <Field
          label="Max age (hours)"
          name="maxAgeHours"
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          defaultValue={values.maxAgeHours}
          errors={errors?.maxAgeSeconds}
          hint="Empty: messages stay until the size limit removes them."
        />
        <Field
          label="Max message size (KB)"
          name="maxMessageKilobytes"
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          defaultValue={values.maxMessageKilobytes}
          errors={errors?.maxMsgSize}
          hint="Empty: your plan's message size."
        />
      </div>
      <div>
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
