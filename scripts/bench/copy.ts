// COPY … FROM STDIN over a `pg` client without pg-copy-streams (not a dependency): a minimal "submittable"
// query object, the hook pg offers for protocols it does not wrap itself. Rows are COPY text lines
// (tab-separated, \N for null) produced by a generator; writes wait for the socket to drain.
import type pg from "pg";

/** One COPY text field: backslash, tab, newline and carriage return escaped; null as \N. */
export function copyField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value !== "string") return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

export function copyLine(fields: (string | number | boolean | null | undefined)[]): string {
  return fields.map(copyField).join("\t") + "\n";
}

type Connection = {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableLength: number };
};

const CHUNK = 256 * 1024;
const HIGH_WATER = 8 * 1024 * 1024;

class CopyIn {
  private error: Error | null = null;
  private rowCount = 0;
  readonly done: Promise<number>;
  private resolve!: (n: number) => void;
  private reject!: (e: Error) => void;

  constructor(
    private readonly text: string,
    private readonly lines: Iterable<string> | AsyncIterable<string>,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: Connection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: Connection): void {
    void this.pump(connection);
  }

  private async pump(connection: Connection): Promise<void> {
    let buffer = "";
    try {
      for await (const line of this.lines) {
        buffer += line;
        if (buffer.length >= CHUNK) {
          connection.sendCopyFromChunk(Buffer.from(buffer, "utf8"));
          buffer = "";
          if (connection.stream.writableLength > HIGH_WATER) await new Promise((r) => connection.stream.once("drain", r));
        }
      }
      if (buffer) connection.sendCopyFromChunk(Buffer.from(buffer, "utf8"));
      connection.endCopyFrom();
    } catch (error) {
      this.error = error instanceof Error ? error : new Error(String(error));
      connection.sendCopyFail(this.error.message);
    }
  }

  handleCommandComplete(msg: { text: string }): void {
    this.rowCount = Number(/COPY (\d+)/.exec(msg.text)?.[1] ?? 0);
  }

  handleError(error: Error): void {
    this.error ??= error;
  }

  handleReadyForQuery(): void {
    if (this.error) this.reject(this.error);
    else this.resolve(this.rowCount);
  }

  // Messages a COPY FROM never gets; pg calls them only on other protocols.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handlePortalSuspended(): void {}
  handleEmptyQuery(): void {}
  handleCopyData(): void {}
}

/** Runs `COPY table (columns) FROM STDIN` with the given lines; resolves to the number of rows copied. */
export async function copyFrom(client: pg.Client, table: string, columns: string[], lines: Iterable<string> | AsyncIterable<string>): Promise<number> {
  const copy = new CopyIn(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`, lines);
  void client.query(copy as unknown as pg.QueryConfig);
  return copy.done;
}
