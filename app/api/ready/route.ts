import { checkReadiness } from "@/lib/boot/check-readiness";

/** Readiness: database reachable, NATS system connection up, boot reconcile done. */
export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(
    { status: readiness.ready ? "ready" : "not_ready", checks: readiness.checks },
    { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
