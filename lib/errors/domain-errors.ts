/**
 * Failures a use case reports to its caller; adapters map them to 404 / 403 /
 * 409 / 400 (API) or an inline message (UI). Anything else is a bug (500).
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Also used for things that exist in another org: a guess at another tenant's ids learns nothing. */
export class NotFoundError extends DomainError {
  constructor(what = "That") {
    super(`${what} was not found.`, 404);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "You do not have permission to do that.") {
    super(message, 403);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, field?: string) {
    super(message, 409, field);
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, field?: string) {
    super(message, 400, field);
  }
}

/** Parses use-case input; the first problem becomes a ValidationError naming its field (or `fallbackField`). */
export function parseInput<T>(
  schema: { safeParse(raw: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string; path: PropertyKey[] }[] } } },
  raw: unknown,
  fallbackField?: string,
): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ValidationError(issue.message, issue.path.length ? String(issue.path[0]) : fallbackField);
}
