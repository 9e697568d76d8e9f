import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** Bytes gathered before one write to the staging file. */
const WRITE_BUFFER = 1024 * 1024;
/** How much (in the weight the caller gives, e.g. rows) stays in memory before the file is used. */
export const STAGING_MEMORY_WEIGHT = 5_000;

/**
 * The decided changes of an import job between its read phase and its write phase: one entry
 * per chunk in a temporary file (V8's structured-clone serialisation, length-prefixed: cheaper
 * than JSON for rows full of JSON text), so the job's memory stays bounded however large the
 * upload, and nothing is written to the register before the whole file has been read and
 * checked. Removed by {@link StagingFile.dispose}. The first entries, up to
 * {@link STAGING_MEMORY_WEIGHT}, stay in memory: small files never touch the disk, and a large
 * one holds only that much.
 */
export class StagingFile<T> {
  private buffered: Buffer[] = [];
  private bufferedLength = 0;
  private count = 0;
  private readonly memory: T[] = [];
  private memoryWeight = 0;
  private file?: { dir: string; path: string; handle: FileHandle };

  private constructor(
    private readonly directory: string,
    private readonly memoryBudget: number,
  ) {}

  static async create<T>(directory = tmpdir(), memoryBudget = STAGING_MEMORY_WEIGHT): Promise<StagingFile<T>> {
    return new StagingFile<T>(directory, memoryBudget);
  }

  /** How many entries were staged. */
  get size(): number {
    return this.count;
  }

  /** Stages an entry; `weight` (e.g. its rows) counts against the memory budget. */
  async append(entry: T, weight = 1): Promise<void> {
    if (!this.file && this.memoryWeight + weight <= this.memoryBudget) {
      this.memory.push(entry);
      this.memoryWeight += weight;
      this.count++;
      return;
    }
    if (!this.file) {
      const dir = await mkdtemp(join(this.directory, 'itam-import-'));
      const path = join(dir, 'staged.bin');
      this.file = { dir, path, handle: await open(path, 'w') };
    }
    const body = serialize(entry);
    const length = Buffer.allocUnsafe(4);
    length.writeUInt32LE(body.length);
    this.buffered.push(length, body);
    this.bufferedLength += body.length + 4;
    this.count++;
    if (this.bufferedLength >= WRITE_BUFFER) await this.flush();
  }

  private async flush() {
    if (this.buffered.length === 0) return;
    const buffers = this.buffered;
    this.buffered = [];
    this.bufferedLength = 0;
    // Written as they are (no copy into one buffer): the staged bytes are the job's largest garbage.
    await this.file!.handle.writev(buffers);
  }

  /** The staged entries, in the order they were appended. */
  async *entries(): AsyncGenerator<T> {
    yield* this.memory;
    if (!this.file) return;
    await this.flush();
    let pending: Buffer = Buffer.alloc(0);
    for await (const chunk of createReadStream(this.file.path, { highWaterMark: WRITE_BUFFER })) {
      pending = pending.length > 0 ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
      let at = 0;
      while (pending.length - at >= 4) {
        const length = pending.readUInt32LE(at);
        if (pending.length - at - 4 < length) break;
        yield deserialize(pending.subarray(at + 4, at + 4 + length)) as T;
        at += 4 + length;
      }
      pending = pending.subarray(at);
    }
  }

  async dispose(): Promise<void> {
    this.memory.length = 0;
    if (!this.file) return;
    await this.file.handle.close().catch(() => undefined);
    await rm(this.file.dir, { recursive: true, force: true });
  }
}
