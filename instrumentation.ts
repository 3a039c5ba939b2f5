// Next calls register() once when a server starts: our boot sequence.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootServer } = await import("@/lib/boot/boot-server");
  void bootServer();
}
