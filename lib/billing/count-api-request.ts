const holder = globalThis as typeof globalThis & { __cordonApiRequests?: Map<string, number> };

/**
 * Counts one gateway call against its org, in memory: the gateway's hot path
 * gets no database write. The usage sampler drains the counts every minute
 * (a crash loses at most that minute's counts).
 */
export function countApiRequest(orgId: string): void {
  const counts = (holder.__cordonApiRequests ??= new Map());
  counts.set(orgId, (counts.get(orgId) ?? 0) + 1);
}

/** The counts since the last drain, per org; the buffer starts again empty. */
export function drainApiRequestCounts(): Map<string, number> {
  const counts = holder.__cordonApiRequests ?? new Map<string, number>();
  holder.__cordonApiRequests = new Map();
  return counts;
}
