"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import {
  DEFAULT_RESPONSES,
  EMPTY_PERMISSION_SPEC,
  MAX_ENTRIES_PER_LIST,
  MAX_RESPONSE_TTL_SECONDS,
  MAX_RESPONSES,
  natsPermissionSpec,
  subjectLines,
  validateSubject,
  type NatsPermissionSpec,
} from "@/lib/nats-users/permission-spec";
import { applyTemplate, PERMISSION_TEMPLATES } from "@/lib/nats-users/permission-templates";

type ListKey = "pub.allow" | "pub.deny" | "sub.allow" | "sub.deny";
type Texts = Record<ListKey, string>;
type Responses = { enabled: boolean; max: string; ttlSeconds: string };

const LISTS: { key: ListKey; label: string; hint: string }[] = [
  { key: "pub.allow", label: "Publish: allow", hint: "Empty: every subject not denied." },
  { key: "pub.deny", label: "Publish: deny", hint: "Deny wins over allow." },
  { key: "sub.allow", label: "Subscribe: allow", hint: 'Empty: every subject not denied. "subject queue" grants only that queue group.' },
  { key: "sub.deny", label: "Subscribe: deny", hint: 'Deny wins over allow. "subject queue" denies only that queue group.' },
];

const toTexts = (spec: NatsPermissionSpec): Texts => ({
  "pub.allow": spec.pub.allow.join("\n"),
  "pub.deny": spec.pub.deny.join("\n"),
  "sub.allow": spec.sub.allow.join("\n"),
  "sub.deny": spec.sub.deny.join("\n"),
});

const toResponses = (spec: NatsPermissionSpec): Responses => {
  const resp = spec.resp ?? DEFAULT_RESPONSES;
  return { enabled: spec.resp !== null, max: String(resp.max), ttlSeconds: String(resp.ttlSeconds) };
};

function toSpec(texts: Texts, responses: Responses): NatsPermissionSpec {
  return {
    pub: { allow: subjectLines(texts["pub.allow"]), deny: subjectLines(texts["pub.deny"]) },
    sub: { allow: subjectLines(texts["sub.allow"]), deny: subjectLines(texts["sub.deny"]) },
    resp: responses.enabled ? { max: Number(responses.max), ttlSeconds: Number(responses.ttlSeconds) } : null,
  };
}

function listProblems(text: string, allowQueue: boolean): string[] {
  const entries = [...new Set(subjectLines(text))];
  if (entries.length > MAX_ENTRIES_PER_LIST) return [`At most ${MAX_ENTRIES_PER_LIST} entries.`];
  return entries.map((entry) => validateSubject(entry, { allowQueue })).filter((problem) => problem !== null);
}

function responseProblems(responses: Responses): string[] {
  if (!responses.enabled) return [];
  const parsed = natsPermissionSpec.shape.resp.safeParse({ max: Number(responses.max), ttlSeconds: Number(responses.ttlSeconds) });
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

function Problems({ id, problems }: { id: string; problems: string[] }) {
  if (!problems.length) return null;
  return (
    <ul id={id} className="text-xs text-red-700 dark:text-red-400">
      {problems.map((problem) => (
        <li key={problem}>{problem}</li>
      ))}
    </ul>
  );
}

const inputClass =
  "rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs outline-none focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/30 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900";

function TemplatePicker({ onApply }: { onApply: (spec: NatsPermissionSpec) => void }) {
  const id = useId();
  const [templateId, setTemplateId] = useState(PERMISSION_TEMPLATES[0].id);
  const [values, setValues] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const template = PERMISSION_TEMPLATES.find((t) => t.id === templateId) ?? PERMISSION_TEMPLATES[0];
  const apply = () => {
    const result = applyTemplate(template, values);
    if ("problem" in result) return setProblem(result.problem);
    setProblem(null);
    onApply(result.spec);
  };
  // The picker's inputs carry no `name`: they help fill the fields below and are not submitted.
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <legend className="px-1 text-sm font-medium">Start from a template</legend>
      <div className="flex flex-col gap-1.5 text-sm">
        <label htmlFor={`${id}-template`} className="font-medium">
          Template
        </label>
        <select
          id={`${id}-template`}
          value={templateId}
          onChange={(event) => {
            setTemplateId(event.target.value);
            setProblem(null);
          }}
          aria-describedby={`${id}-description`}
          className={inputClass}
        >
          {PERMISSION_TEMPLATES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <p id={`${id}-description`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {template.description}
        </p>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {template.parameters.map((parameter) => (
          <div key={`${template.id}-${parameter.key}`} className="flex flex-col gap-1.5 text-sm">
            <label htmlFor={`${id}-${parameter.key}`} className="font-medium">
              {parameter.label}
            </label>
            <input
              id={`${id}-${parameter.key}`}
              value={values[parameter.key] ?? ""}
              placeholder={parameter.example}
              onChange={(event) => setValues({ ...values, [parameter.key]: event.target.value })}
              className={`${inputClass} font-mono`}
            />
          </div>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" onClick={apply}>
          Apply template
        </Button>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">Replaces the permissions below.</span>
      </div>
      {problem && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

/**
 * Edits a user's permissions. Uncontrolled: starts from `defaultValue` and
 * reports every change through `onChange` (e.g. to feed PermissionSimulator).
 * Inside a <form> it submits `<name>.pub.allow`, `<name>.pub.deny`,
 * `<name>.sub.allow`, `<name>.sub.deny` (one subject per line),
 * `<name>.resp.enabled` ("on" when checked), `<name>.resp.max` and
 * `<name>.resp.ttlSeconds`; `permissionSpecFromForm` reads them back. `name`
 * defaults to "permissions". Entries are checked as they are typed.
 */
export function PermissionEditor({
  defaultValue = EMPTY_PERMISSION_SPEC,
  onChange,
  name = "permissions",
}: {
  defaultValue?: NatsPermissionSpec;
  onChange?: (spec: NatsPermissionSpec) => void;
  name?: string;
}) {
  const id = useId();
  const [texts, setTexts] = useState(() => toTexts(defaultValue));
  const [responses, setResponses] = useState(() => toResponses(defaultValue));
  const update = (nextTexts: Texts, nextResponses: Responses) => {
    setTexts(nextTexts);
    setResponses(nextResponses);
    onChange?.(toSpec(nextTexts, nextResponses));
  };
  const pubAllowEmpty = subjectLines(texts["pub.allow"]).length === 0;
  const respProblems = responseProblems(responses);
  return (
    <div className="flex flex-col gap-4">
      <TemplatePicker onApply={(spec) => update(toTexts(spec), toResponses(spec))} />
      <div className="grid gap-4 sm:grid-cols-2">
        {LISTS.map(({ key, label, hint }) => {
          const problems = listProblems(texts[key], key.startsWith("sub."));
          const fieldId = `${id}-${key}`;
          return (
            <div key={key} className="flex flex-col gap-1.5">
              <label htmlFor={fieldId} className="text-sm font-medium">
                {label}
              </label>
              <textarea
                id={fieldId}
                name={`${name}.${key}`}
                rows={4}
                spellCheck={false}
                autoCapitalize="off"
                value={texts[key]}
                onChange={(event) => update({ ...texts, [key]: event.target.value }, responses)}
                aria-invalid={problems.length ? true : undefined}
                aria-describedby={`${fieldId}-hint${problems.length ? ` ${fieldId}-problems` : ""}`}
                className={`${inputClass} font-mono`}
              />
              <div id={`${fieldId}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
                One subject per line. {hint}
              </div>
              <Problems id={`${fieldId}-problems`} problems={problems} />
            </div>
          );
        })}
      </div>
      <fieldset className="flex flex-col gap-3">
        <legend className="sr-only">Responses</legend>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            name={`${name}.resp.enabled`}
            checked={responses.enabled}
            onChange={(event) => update(texts, { ...responses, enabled: event.target.checked })}
            aria-describedby={`${id}-resp-hint`}
          />
          Allow responses (allow_responses)
        </label>
        <p id={`${id}-resp-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          Lets the user reply to requests it receives without a publish grant.
          {responses.enabled && pubAllowEmpty && " With the publish allow list empty, it may then publish nothing but those replies."}
        </p>
        {responses.enabled && (
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="flex flex-col gap-1.5 text-sm">
              <label htmlFor={`${id}-resp-max`} className="font-medium">
                Replies per request
              </label>
              <input
                id={`${id}-resp-max`}
                name={`${name}.resp.max`}
                type="number"
                min={1}
                max={MAX_RESPONSES}
                step={1}
                required
                value={responses.max}
                aria-invalid={respProblems.length ? true : undefined}
                aria-describedby={respProblems.length ? `${id}-resp-problems` : undefined}
                onChange={(event) => update(texts, { ...responses, max: event.target.value })}
                className={inputClass}
              />
            </div>
            <div className="flex flex-col gap-1.5 text-sm">
              <label htmlFor={`${id}-resp-ttl`} className="font-medium">
                Reply window (seconds)
              </label>
              <input
                id={`${id}-resp-ttl`}
                name={`${name}.resp.ttlSeconds`}
                type="number"
                min={1}
                max={MAX_RESPONSE_TTL_SECONDS}
                step={1}
                required
                value={responses.ttlSeconds}
                aria-invalid={respProblems.length ? true : undefined}
                aria-describedby={respProblems.length ? `${id}-resp-problems` : undefined}
                onChange={(event) => update(texts, { ...responses, ttlSeconds: event.target.value })}
                className={inputClass}
              />
            </div>
          </div>
        )}
        <Problems id={`${id}-resp-problems`} problems={respProblems} />
      </fieldset>
    </div>
  );
}
