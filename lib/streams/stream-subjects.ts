import { SYSTEM_STREAMS } from "@/lib/nats/system-streams";

const MAX_SUBJECT_LENGTH = 255;

/** Why `subject` cannot be one of a stream's subjects, or null when it can. */
export function subjectProblem(subject: string): string | null {
  if (!subject) return "A subject cannot be empty.";
  if (subject.length > MAX_SUBJECT_LENGTH) return `Keep each subject to ${MAX_SUBJECT_LENGTH} characters or fewer.`;
  if (/\s/.test(subject)) return `Subject "${subject}" contains a space; separate subjects with commas or new lines.`;
  const tokens = subject.split(".");
  if (tokens.includes("")) return `Subject "${subject}" has an empty part: no leading, trailing or double dots.`;
  if (tokens.some((token, i) => token.includes(">") && (token !== ">" || i !== tokens.length - 1))) return `In "${subject}", > must be the whole last part.`;
  if (tokens.some((token) => token.includes("*") && token !== "*")) return `In "${subject}", * must be a whole part, as in orders.*.created.`;
  // $JS, $SYS, $KV and friends belong to NATS itself; _INBOX carries request replies.
  if (subject.startsWith("$")) return `Subjects starting with $ are reserved by NATS.`;
  if (tokens[0] === "_INBOX") return "_INBOX subjects carry request replies and cannot be stored.";
  return null;
}

/** Whether some subject matches both patterns (`*` is one part, `>` one or more at the end). */
export function subjectsOverlap(a: string, b: string): boolean {
  const x = a.split(".");
  const y = b.split(".");
  for (let i = 0; ; i++) {
    if (i === x.length || i === y.length) return x.length === y.length;
    if (x[i] === ">" || y[i] === ">") return true;
    if (x[i] !== y[i] && x[i] !== "*" && y[i] !== "*") return false;
  }
}

/** The first subject of `subjects` that overlaps one of `other`'s, with the one it overlaps. */
export function firstOverlap(subjects: readonly string[], other: readonly string[]): [string, string] | null {
  for (const subject of subjects) {
    const clash = other.find((candidate) => subjectsOverlap(subject, candidate));
    if (clash !== undefined) return [subject, clash];
  }
  return null;
}

/**
 * Why a stream cannot have these subjects, or null when it can: each must be
 * valid, none may overlap another in the list (nats-server refuses that), and
 * none may reach into the system streams' subjects.
 */
export function subjectListProblem(subjects: readonly string[]): string | null {
  if (!subjects.length) return "Enter at least one subject.";
  for (const subject of subjects) {
    const problem = subjectProblem(subject);
    if (problem) return problem;
  }
  for (const [i, subject] of subjects.entries()) {
    const clash = firstOverlap([subject], subjects.slice(i + 1));
    if (clash) return `Subjects "${clash[0]}" and "${clash[1]}" overlap; keep one of them.`;
  }
  for (const stream of SYSTEM_STREAMS) {
    const clash = firstOverlap(subjects, stream.subjects);
    if (clash) return `Subject "${clash[0]}" overlaps "${clash[1]}", which the ${stream.name} system stream reserves.`;
  }
  return null;
}
