// A storage body that stops when its reader gives up. Remix hands a response body to the socket and
// aborts the request's signal when the client goes away (a closed tab, a video player seeking to another
// range), but it neither cancels the body nor stops reading it: without this, the file or the S3
// connection behind it would stay open until every byte had been read into a closed socket.
export function streamUntilAborted(source: ReadableStream<Uint8Array>, signal: AbortSignal | undefined): ReadableStream<Uint8Array> {
  if (!signal) return source;
  const reader = source.getReader();
  let controller: ReadableStreamDefaultController<Uint8Array>;
  let ended = false;
  const settle = (how: () => void) => {
    if (ended) return;
    ended = true;
    signal.removeEventListener("abort", onAbort);
    how();
  };
  // Ends quietly: the reader that aborted is gone and nobody else reads this body.
  const onAbort = () => {
    reader.cancel(signal.reason).catch(() => {});
    settle(() => controller.close());
  };
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        if (signal.aborted) onAbort();
        else signal.addEventListener("abort", onAbort, { once: true });
      },
      async pull() {
        try {
          const chunk = await reader.read();
          if (ended) return;
          if (chunk.done) settle(() => controller.close());
          else controller.enqueue(chunk.value);
        } catch (error) {
          settle(() => controller.error(error));
        }
      },
      cancel(reason) {
        settle(() => {});
        return reader.cancel(reason);
      },
    },
    // Nothing is read ahead of the reader: what is not asked for stays on the disk or in the store.
    { highWaterMark: 0 },
  );
}
