import type { ImportEncoding, LineEnding } from '@itam/common';
import iconv from 'iconv-lite';
import { Transform, type TransformCallback } from 'node:stream';
import { ImportFileError } from './errors';

/**
 * The offset of the first byte of `bytes` that does not belong to a well-formed UTF-8 sequence,
 * or -1. A sequence cut off by the end of `bytes` counts as well-formed (the next chunk may
 * complete it).
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return -1;
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** How many bytes at the end of `bytes` start a UTF-8 sequence that the end cuts off. */
function cutOffSequence(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if (b < 0x80) return 0;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return length > back ? back : 0;
    }
  }
  return 0;
}

const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MiB` : `${Math.round(n / 1024)} KiB`;

/** How an upload was read, known once it has been read (the encoding as soon as it is chosen). */
export interface TextReading {
  encoding: ImportEncoding;
  /** Whether the encoding was detected (true) or given by the `encoding` parameter. */
  detected: boolean;
  lineEnding: LineEnding;
}

const BOMS: [number[], ImportEncoding][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/**
 * A text decoder for an upload:
 * - the encoding is the `encoding` given, else the one its byte order mark names (UTF-8,
 *   UTF-16 LE/BE), else UTF-16 when every other byte of the start is NUL, else UTF-8 — falling
 *   back to Windows-1252 (what Excel on Windows saves) when bytes that are not UTF-8 appear and
 *   everything before them was ASCII (so both read it the same); a file that is UTF-8 first and
 *   something else later is refused with the offset and a hint to name the encoding;
 * - a byte order mark is dropped;
 * - with `countLineEndings`, the line ending the file used (CRLF, LF, CR or a mix) is recorded
 *   (`reading().lineEnding`); the text itself is passed on unchanged (the CSV parser takes
 *   each kind as a record delimiter, and keeps line breaks inside quoted cells as they are);
 * - more than `maxBytes` fails with a 413 naming the limit; `onBytes` reports progress.
 */
export function decodeUpload(options: {
  maxBytes: number;
  encoding?: ImportEncoding;
  countLineEndings?: boolean;
  onBytes?: (bytesRead: number) => void;
}): Transform & { reading(): TextReading } {
  let bytesRead = 0;
  let head: Buffer | undefined = Buffer.alloc(0);
  let encoding: ImportEncoding | undefined = options.encoding;
  const detected = options.encoding === undefined;
  let decoder: { write(b: Buffer): string; end(): string | undefined } | undefined;
  let utf8: TextDecoder | undefined;
  let allAscii = true;
  // Bytes of a UTF-8 sequence the previous chunk cut off (the decoder holds them).
  let carry = Buffer.alloc(0);
  let lines = 1;
  let pendingCR = false;
  let crlf = 0;
  let lf = 0;
  let cr = 0;

  // Counts line breaks by kind (a CRLF split across chunks counts once); the text passes as is.
  const countLineEndings = (text: string): string => {
    if (!options.countLineEndings || text.length === 0) return text;
    let from = 0;
    if (pendingCR) {
      if (text[0] === '\n') {
        crlf++;
        from = 1;
      } else cr++;
      pendingCR = false;
    }
    for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1)) lf++;
    if (!text.includes('\r', from)) return text;
    for (let i = text.indexOf('\r', from); i >= 0; i = text.indexOf('\r', i + 1)) {
      if (i === text.length - 1) pendingCR = true;
      else if (text[i + 1] === '\n') {
        crlf++;
        lf--;
      } else cr++;
    }
    return text;
  };

  const start = (bytes: Buffer): Buffer => {
    for (const [bom, name] of BOMS) {
      if (bom.every((b, i) => bytes[i] === b)) {
        if (encoding === undefined) encoding = name;
        if (encoding === name) return bytes.subarray(bom.length);
        return bytes;
      }
    }
    if (encoding === undefined && bytes.length >= 4) {
      const even = bytes.subarray(0, 64).filter((_, i) => i % 2 === 0).every(b => b === 0);
      const odd = bytes.subarray(0, 64).filter((_, i) => i % 2 === 1).every(b => b === 0);
      if (odd && !even) encoding = 'utf-16le';
      else if (even && !odd) encoding = 'utf-16be';
    }
    return bytes;
  };

  const decodeUtf8 = (chunk: Buffer, before: number): string => {
    utf8 ??= new TextDecoder('utf-8', { fatal: true });
    const withCarry = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    try {
      const text = utf8.decode(chunk, { stream: true });
      // eslint-disable-next-line no-control-regex
      if (allAscii && /[^\x00-\x7f]/.test(text)) allAscii = false;
      carry = Buffer.from(withCarry.subarray(withCarry.length - cutOffSequence(withCarry)));
      return text;
    } catch {
      const at = firstInvalidUtf8(withCarry);
      if (detected && allAscii && (at < 0 || !withCarry.subarray(0, at).some(b => b >= 0x80))) {
        // Everything so far was ASCII, which Windows-1252 reads the same: read the rest as it.
        return fallBack(withCarry);
      }
      const offset = before - carry.length + Math.max(at, 0);
      let line = lines;
      for (let i = 0; i < Math.max(at, 0); i++) if (withCarry[i] === 0x0a) line++;
      throw new ImportFileError(
        `The file is not valid UTF-8: invalid byte sequence at byte offset ${offset} (line ${line}). ` +
          (detected
            ? 'Earlier bytes were UTF-8, so the encoding cannot be guessed: save the file as UTF-8 ("CSV UTF-8" in Excel) or name its encoding with the encoding parameter (e.g. encoding=windows-1252).'
            : 'Name the encoding the file was saved in with the encoding parameter, or save it as UTF-8.'),
        'encoding',
      );
    }
  };

  const fallBack = (bytes: Buffer): string => {
    encoding = 'windows-1252';
    decoder = iconv.getDecoder('windows-1252');
    carry = Buffer.alloc(0);
    return decoder.write(bytes);
  };

  const decode = (chunk: Buffer, before: number): string => {
    if (encoding === undefined || encoding === 'utf-8') {
      if (decoder) return decoder.write(chunk);
      encoding = 'utf-8';
      return decodeUtf8(chunk, before);
    }
    decoder ??= iconv.getDecoder(encoding);
    return decoder.write(chunk);
  };

  const countLines = (chunk: Buffer) => {
    for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) lines++;
  };

  const transform = new Transform({
    readableObjectMode: false,
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      const before = bytesRead;
      bytesRead += chunk.length;
      if (bytesRead > options.maxBytes) {
        callback(
          new ImportFileError(
            `The file is larger than the limit of ${formatBytes(options.maxBytes)} for this format`,
            'file',
            413,
          ),
        );
        return;
      }
      options.onBytes?.(bytesRead);
      let bytes = chunk;
      if (head !== undefined) {
        // The first bytes decide the encoding: wait for a few of them.
        head = Buffer.concat([head, chunk]);
        if (head.length < 4) {
          callback();
          return;
        }
        bytes = start(head);
        head = undefined;
      }
      try {
        const text = decode(bytes, before);
        const nul = text.indexOf('\0');
        if (nul >= 0) {
          throw new ImportFileError(
            `The file contains a NUL character (line ${lines + (text.slice(0, nul).match(/\n/g)?.length ?? 0)}): ` +
              'it is not a text file, or is UTF-16 without a byte order mark (name it with encoding=utf-16le)',
            'encoding',
          );
        }
        countLines(bytes);
        callback(null, countLineEndings(text));
      } catch (e) {
        callback(e as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        let text = '';
        if (head !== undefined && head.length > 0) text += decode(start(head), 0);
        if (decoder) text += decoder.end() ?? '';
        else if (utf8) {
          try {
            text += utf8.decode();
          } catch (e) {
            // The file ends inside a sequence: after ASCII only, it was Windows-1252.
            if (!(detected && allAscii)) throw e;
            text += fallBack(carry) + (decoder!.end() ?? '');
          }
        }
        text = countLineEndings(text);
        if (pendingCR) {
          // The file ends with a lone CR.
          cr++;
          pendingCR = false;
        }
        callback(null, text);
      } catch {
        callback(
          new ImportFileError(
            `The file is not valid UTF-8: it ends inside a multi-byte character (byte ${bytesRead}). ` +
              'Save it with the UTF-8 encoding, or name its encoding with the encoding parameter.',
            'encoding',
          ),
        );
      }
    },
  });
  return Object.assign(transform, {
    reading(): TextReading {
      const kinds = [crlf > 0, lf > 0, cr > 0].filter(Boolean).length;
      const lineEnding: LineEnding =
        kinds === 0 ? 'none' : kinds > 1 ? 'mixed' : crlf > 0 ? 'CRLF' : lf > 0 ? 'LF' : 'CR';
      return { encoding: encoding ?? 'utf-8', detected, lineEnding };
    },
  });
}
