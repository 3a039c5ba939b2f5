/** Sampled from the account's live state: a bucket keeps the hour's highest value. */
export const GAUGE_METRICS = ["connections", "storage_bytes", "memory_bytes", "streams"] as const;
/** Counted between samples: a bucket keeps the hour's sum. */
export const COUNTER_METRICS = ["messages_in", "messages_out", "bytes_in", "bytes_out", "api_requests"] as const;

export type GaugeMetric = (typeof GAUGE_METRICS)[number];
export type CounterMetric = (typeof COUNTER_METRICS)[number];
export type UsageMetric = GaugeMetric | CounterMetric;
