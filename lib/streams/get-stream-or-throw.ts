import type { JetStreamManager } from "@nats-io/jetstream";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { STREAM_NAME } from "./create-stream";
import { streamSummary, type StreamSummary } from "./list-streams";

/**
 * A stream of the manager's account by the name a request gave. A name that
 * could not be a stream is not found without asking the server: it goes into
 * the API subject, where `.`, `*` or `>` would change what is asked.
 */
export async function getStreamOrThrow(jsm: JetStreamManager, name: string): Promise<StreamSummary> {
  if (!STREAM_NAME.test(name)) throw new NotFoundError("Stream");
  // An unknown stream is the server's 10059, which withOrgJetStream turns into NotFoundError.
  return streamSummary(await jsm.streams.info(name));
}
