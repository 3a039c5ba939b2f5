import { DomainError } from "@/lib/errors/domain-errors";
import { problem } from "@/lib/http/problem";

const TITLES: Record<DomainError["status"], string> = { 400: "Validation Failed", 403: "Forbidden", 404: "Not Found", 409: "Conflict" };

/**
 * A use case's refusal becomes its problem response; anything else is our bug:
 * logged with the request id, answered 500 without internals.
 */
export function problemForError(error: unknown, requestId: string, where: string): Response {
  if (error instanceof DomainError) {
    const extra = error.field ? { errors: [{ path: error.field, message: error.message }] } : {};
    return problem(error.status, TITLES[error.status], error.message, requestId, extra);
  }
  console.error(`[api] ${requestId} ${where} failed:`, error);
  return problem(500, "Internal Server Error", "Something went wrong on our side. Quote the request id if you report it.", requestId);
}
