/**
 * A byte stream over an async sequence of text chunks, pulled one chunk at a
 * time: the producer runs only as fast as the client reads, so a large export
 * holds one chunk in memory, and stops when the client goes away.
 */
export function textStream(chunks: AsyncIterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      },
      async cancel() {
        await chunks.return?.(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
