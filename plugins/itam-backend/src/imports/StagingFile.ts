import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Bytes gathered before one write to the staging file. */
const WRITE_BUFFER = 1024 * 1024;

/**
 * The decided changes of an import job between its read phase and its write phase: one JSON
 * line per chunk in a temporary file, so the job's memory stays bounded however large the
 * upload, and nothing is written to the register before the whole file has been read and
 * checked. Removed by {@link StagingFile.dispose}.
 */
export class StagingFile<T> {
  private buffered: string[] = [];
  private bufferedLength = 0;
  private count = 0;

  private constructor(
    private readonly dir: string,
    private readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  static async create<T>(directory = tmpdir()): Promise<StagingFile<T>> {
    const dir = await mkdtemp(join(directory, 'itam-import-'));
    const path = join(dir, 'staged.ndjson');
    return new StagingFile<T>(dir, path, await open(path, 'w'));
  }

  /** How many entries were staged. */
  get size(): number {
    return this.count;
  }

  async append(entry: T): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    this.buffered.push(line);
    this.bufferedLength += line.length;
    this.count++;
    if (this.bufferedLength >= WRITE_BUFFER) await this.flush();
  }

  private async flush() {
    if (this.buffered.length === 0) return;
    const text = this.buffered.join('');
    this.buffered = [];
    this.bufferedLength = 0;
    await this.handle.write(text);
  }

  /** The staged entries, in the order they were appended. */
  async *entries(): AsyncGenerator<T> {
    await this.flush();
    const lines = createInterface({ input: createReadStream(this.path, { highWaterMark: WRITE_BUFFER }), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line) yield JSON.parse(line) as T;
    }
  }

  async dispose(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}
