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

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MiB` : `${Math.round(n / 1024)} KiB`;

/**
 * Decodes an upload as UTF-8 text, a chunk at a time:
 * - a UTF-8 byte order mark is dropped; a UTF-16 one, or any byte sequence that is not UTF-8,
 *   fails with an {@link ImportFileError} naming the encoding problem and where it is;
 * - with `normalizeNewlines`, CRLF and lone CR line breaks become LF (files that mix them
 *   parse like any other);
 * - more than `maxBytes` fails with an error saying so;
 * - `onBytes` is told how many bytes have been read so far (for progress).
 */
export function decodeUtf8(options: {
  maxBytes: number;
  normalizeNewlines?: boolean;
  onBytes?: (bytesRead: number) => void;
}): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytesRead = 0;
  let lines = 1;
  let tail = new Uint8Array(0);
  let pendingCR = false;
  let first = true;

  const normalize = (text: string): string => {
    if (!options.normalizeNewlines || text.length === 0) return text;
    let t = text;
    if (pendingCR && t.startsWith('\n')) t = t.slice(1);
    pendingCR = t.endsWith('\r');
    return t.replace(/\r\n?/g, '\n');
  };

  const encodingError = (bytes: Uint8Array, bytesBefore: number): ImportFileError => {
    const at = firstInvalidUtf8(bytes);
    const offset = at < 0 ? bytesBefore + bytes.length : bytesBefore + at;
    const line = lines + (at < 0 ? countNewlines(bytes, bytes.length) : countNewlines(bytes, at));
    return new ImportFileError(
      `The file is not valid UTF-8: invalid byte sequence at byte offset ${offset} (line ${line}). ` +
        'Save it with the UTF-8 encoding (e.g. "CSV UTF-8" in Excel) and upload it again.',
      'encoding',
    );
  };

  return new Transform({
    readableObjectMode: false,
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (first && chunk.length >= 2) {
        first = false;
        if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
          callback(
            new ImportFileError(
              'The file is UTF-16 encoded (it starts with a UTF-16 byte order mark); save it as UTF-8 and upload it again.',
              'encoding',
            ),
          );
          return;
        }
      }
      const before = bytesRead;
      bytesRead += chunk.length;
      if (bytesRead > options.maxBytes) {
        callback(
          new ImportFileError(`The file is larger than the limit of ${formatBytes(options.maxBytes)} for this format`),
        );
        return;
      }
      options.onBytes?.(bytesRead);
      const withTail = new Uint8Array(tail.length + chunk.length);
      withTail.set(tail);
      withTail.set(chunk, tail.length);
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        callback(encodingError(withTail, before - tail.length));
        return;
      }
      // Keep up to 3 trailing bytes so an error can be located across chunk boundaries.
      tail = withTail.slice(Math.max(0, withTail.length - 3));
      lines += countNewlines(chunk, chunk.length);
      callback(null, normalize(text));
    },
    flush(callback: TransformCallback) {
      let text: string;
      try {
        text = decoder.decode();
      } catch {
        callback(
          new ImportFileError(
            `The file is not valid UTF-8: it ends inside a multi-byte character (byte ${bytesRead}). ` +
              'Save it with the UTF-8 encoding and upload it again.',
            'encoding',
          ),
        );
        return;
      }
      callback(null, normalize(text));
    },
  });
}
