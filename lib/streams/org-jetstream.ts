import { JetStreamApiError, jetstreamManager, type JetStreamManager } from "@nats-io/jetstream";
import type { Org } from "@/generated/prisma/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { noStorageRoom, tooManyStreams } from "./ensure-within-plan";

export const NATS_NOT_CONNECTED =
  "Cordon is not connected to NATS right now, so streams cannot be shown or changed. It reconnects on its own; try again in a moment.";
export const ACCOUNT_NOT_READY = "Your NATS account is still being set up; streams are available once it is active.";

// nats-server's JetStream error codes (err_code) that are the member's to fix.
const MAXIMUM_STREAMS = 10027;
const MEMORY_FULL = 10028;
const STORAGE_FULL = 10047;
const NAME_IN_USE = 10058;
const STREAM_NOT_FOUND = 10059;
const SUBJECTS_OVERLAP = 10065;

/** A refusal from the server as the member's to fix (a DomainError); anything else as it was. */
function asDomainError(error: unknown, org: Pick<Org, "tier">): unknown {
  if (!(error instanceof JetStreamApiError)) return error;
  switch (error.code) {
    case MAXIMUM_STREAMS:
      return tooManyStreams(org.tier);
    case MEMORY_FULL:
      return noStorageRoom(org.tier, "memory");
    case STORAGE_FULL:
      return noStorageRoom(org.tier, "file");
    case NAME_IN_USE:
      return new ConflictError("A stream with that name already exists.", "name");
    case STREAM_NOT_FOUND:
      return new NotFoundError("Stream");
    case SUBJECTS_OVERLAP:
      return new ValidationError("These subjects overlap another stream's; a message is stored in one stream only.", "subjects");
  }
  return error.status === 400 ? new ValidationError(`NATS refused the change: ${error.message}.`) : error;
}

/**
 * Runs `task` with the JetStream API of the org's own account, through the
 * org connection pool (`nats` is null while Cordon is not connected). The
 * server's refusals (plan limits, overlaps, unknown streams) come back as
 * DomainErrors with messages a member can act on.
 */
export async function withOrgJetStream<T>(nats: NatsRuntime | null, org: Org, task: (jsm: JetStreamManager) => Promise<T>): Promise<T> {
  if (!nats) throw new ConflictError(NATS_NOT_CONNECTED);
  if (org.status !== "active") throw new ConflictError(ACCOUNT_NOT_READY);
  try {
    return await nats.pool.withConnection(org, async (nc) => task(await jetstreamManager(nc, { checkAPI: false })));
  } catch (error) {
    throw asDomainError(error, org);
  }
}
