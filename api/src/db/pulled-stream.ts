/**
 * A byte stream pulled piece by piece from `next` (null: the end), so a
 * download holds one piece in memory at a time, however large the file.
 */
export function pulledStream(
  first: Uint8Array | null,
  next: () => Promise<Uint8Array | null>,
  done: () => Promise<void>,
): ReadableStream<Uint8Array> {
  let pending = first;
  return new ReadableStream<Uint8Array>({
    async pull(ctrl) {
      try {
        const piece = pending ?? (await next());
        pending = null;
        if (piece === null) {
          await done();
          ctrl.close();
        } else ctrl.enqueue(piece);
      } catch (err) {
        await done().catch(() => {});
        ctrl.error(err);
      }
    },
    cancel: () => done(),
  });
}
