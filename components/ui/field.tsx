import { useId, type InputHTMLAttributes, type ReactNode } from "react";

export type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; errors?: string[]; hint?: ReactNode };

/** A labelled input whose hint and errors are announced with it (aria-describedby). */
export function Field({ label, errors, hint, id, className = "", ...props }: FieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1.5 ${className}`}>
      <label htmlFor={inputId} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={inputId}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs outline-none focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/30 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900"
        {...props}
      />
      {hint && (
        <div id={hintId} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </div>
      )}
      {errors?.length ? (
        <ul id={errorId} className="text-xs text-red-700 dark:text-red-400">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
