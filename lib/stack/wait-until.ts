/** Polls `check` until it returns a value other than undefined, or fails with `describe()` after the timeout. */
export async function waitUntil<T>(
  check: () => Promise<T | undefined>,
  options: { timeoutMs: number; intervalMs?: number; describe: () => string; abort?: Promise<unknown> },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let aborted = false;
  void options.abort?.then(() => (aborted = true));
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (aborted || Date.now() > deadline) throw new Error(options.describe());
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 200));
  }
}
