// A request body the app will not read is drained rather than cut off: closing a socket that still has
// unread bytes makes the kernel send a reset, and a client that is still uploading then loses the answer
// (a 413 it should show). The rest is read and thrown away, for a short while after the answer went out
// and up to a cap, then the connection is closed (HTTP's "lingering close", as nginx does).
import type { IncomingMessage } from "node:http";
import type { Response } from "express";

const LINGER_MS = 2_000;
const MIN_LINGER_MS = 100;
const LINGER_BYTES = 32 * 1024 * 1024;

export function discardBody(req: IncomingMessage, res: Response): void {
  if (req.complete || req.destroyed || (req as { discarding?: boolean }).discarding) return;
  (req as { discarding?: boolean }).discarding = true;
  let seen = 0;
  let answeredAt: number | null = res.writableFinished ? Date.now() : null;
  const close = () => {
    clearTimeout(timer);
    req.socket.destroy();
  };
  let timer = setTimeout(close, LINGER_MS + 5_000);
  const startClock = () => {
    answeredAt ??= Date.now();
    clearTimeout(timer);
    timer = setTimeout(close, LINGER_MS);
  };
  if (answeredAt !== null) startClock();
  else res.once("finish", startClock);
  // Whoever was reading has given up: only the drain reads from here on.
  req.removeAllListeners("data");
  req.on("data", (chunk: Buffer) => {
    seen += chunk.byteLength;
    if (seen > LINGER_BYTES && answeredAt !== null && Date.now() - answeredAt >= MIN_LINGER_MS) close();
  });
  req.once("end", () => clearTimeout(timer));
  req.once("close", () => clearTimeout(timer));
  req.resume();
}
