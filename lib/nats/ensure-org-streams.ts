import { JetStreamApiCodes, JetStreamApiError, jetstreamManager, type StreamConfig, type StreamInfo } from "@nats-io/jetstream";
import type { Org } from "@/generated/prisma/client";
import type { OrgConnectionPool } from "./org-connection-pool";
import { systemStreamConfigs, type SystemStreamConfig } from "./system-streams";

export type EnsureStreamsReport = { created: string[]; updated: string[] };

/** The system-owned settings in which `actual` differs from `wanted`. */
function differences(actual: StreamConfig, wanted: SystemStreamConfig): string[] {
  const same = (key: keyof SystemStreamConfig) =>
    key === "subjects" ? [...(actual.subjects ?? [])].sort().join(" ") === [...(wanted.subjects ?? [])].sort().join(" ") : actual[key] === wanted[key];
  return (Object.keys(wanted) as (keyof SystemStreamConfig)[]).filter((key) => !same(key));
}

/**
 * Makes the org's system streams (EVENTS, DLQ, WEBHOOK_RETRY) exist with the
 * settings its plan gives them: creates a missing one, updates one whose
 * settings differ (a plan change moves max_bytes and max_age), and leaves an
 * equal one alone, so running it again changes nothing.
 */
export async function ensureOrgStreams(pool: OrgConnectionPool, org: Pick<Org, "id" | "natsKeyGeneration" | "tier">): Promise<EnsureStreamsReport> {
  return pool.withConnection(org, async (nc) => {
    const jsm = await jetstreamManager(nc, { checkAPI: false });
    const report: EnsureStreamsReport = { created: [], updated: [] };
    for (const wanted of systemStreamConfigs(org.tier)) {
      const existing: StreamInfo | null = await jsm.streams.info(wanted.name).catch((error: unknown) => {
        if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound) return null;
        throw error;
      });
      if (!existing) {
        await jsm.streams.add(wanted);
        report.created.push(wanted.name);
        continue;
      }
      const changed = differences(existing.config, wanted);
      if (!changed.length) continue;
      // nats-server cannot change a stream's storage type in place; someone made this stream by hand.
      if (changed.includes("storage"))
        throw new Error(`stream ${wanted.name} uses ${existing.config.storage} storage instead of ${wanted.storage}: delete it to have it recreated`);
      const { subjects, max_bytes, max_age, discard, num_replicas } = wanted;
      await jsm.streams.update(wanted.name, { subjects, max_bytes, max_age, discard, num_replicas });
      report.updated.push(wanted.name);
    }
    return report;
  });
}
