import { Readable } from 'node:stream';
import type { TextReading } from './decodeText';
import { firstInvalidUtf8 } from './decodeText';
import { ImportFileError } from './errors';
import { readCsvRecords, readJsonArrayItems, readJsonDocument } from './readers';

/** An upload arriving in the given chunks (to cut characters and line breaks in two). */
const chunks = (...parts: (string | number[] | Buffer)[]) =>
  Readable.from(parts.map(p => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))), { objectMode: false });

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function failure(promise: Promise<unknown>): Promise<ImportFileError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ImportFileError) return e;
    throw e;
  }
  throw new Error('expected an ImportFileError');
}

const read = { maxBytes: 1024 * 1024 };

describe('firstInvalidUtf8', () => {
  it('accepts well-formed UTF-8, including a sequence cut off at the end', () => {
    expect(firstInvalidUtf8(Buffer.from('Café 東京 🎉'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe6, 0x9d]))).toBe(-1);
  });
  it('finds stray, overlong and surrogate sequences', () => {
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe9, 0x20]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0x42, 0xed, 0xa0, 0x80]))).toBe(2);
    expect(firstInvalidUtf8(Buffer.from([0x80]))).toBe(0);
  });
});

describe('readCsvRecords', () => {
  it('numbers records from the header, across chunks that split characters and CRLF', async () => {
    const euro = Buffer.from('€');
    const records = await all(
      readCsvRecords(
        chunks([0xef, 0xbb], [0xbf], 'tag,name\r', '\nA-1,', [euro[0]], [euro[1], euro[2]], '\rA-2,"two\r\nlines"\n\nA-3,x'),
        read,
      ),
    );
    expect(records).toEqual([
      { row: 1, values: ['tag', 'name'] },
      { row: 2, values: ['A-1', '€'] },
      // A line break inside a quoted cell is kept as written (the export writes it so).
      { row: 3, values: ['A-2', 'two\r\nlines'] },
      { row: 4, values: ['A-3', 'x'] },
    ]);
  });

  it('reports the line ending the file uses, counting a CRLF split across chunks once', async () => {
    const lineEnding = async (...parts: (string | number[])[]) => {
      const text: { reading?: () => TextReading } = {};
      await all(readCsvRecords(chunks(...parts), { ...read, text }));
      return text.reading!().lineEnding;
    };
    expect(await lineEnding('a,b\r', '\nx,y\r\n')).toBe('CRLF');
    expect(await lineEnding('a,b\rx,y\r')).toBe('CR');
    expect(await lineEnding('a,b\nx,y')).toBe('LF');
    expect(await lineEnding('a,b\r\nx,y\n')).toBe('mixed');
    expect(await all(readCsvRecords(chunks('a,b\rx,"one\rtwo"\ry,z'), read))).toEqual([
      { row: 1, values: ['a', 'b'] },
      { row: 2, values: ['x', 'one\rtwo'] },
      { row: 3, values: ['y', 'z'] },
    ]);
  });

  it('skips rows of empty cells and keeps rows of another width for the mapper to refuse', async () => {
    const records = await all(readCsvRecords(chunks('a,b\n,\n1,2,3\n'), read));
    expect(records).toEqual([
      { row: 1, values: ['a', 'b'] },
      { row: 2, values: ['1', '2', '3'] },
    ]);
  });

  it('reads bytes that are not UTF-8 after ASCII as Windows-1252, whatever the chunking', async () => {
    const text: { reading?: () => TextReading } = {};
    expect(await all(readCsvRecords(chunks('a,b\nx,', [0xe9], '\n'), { ...read, text }))).toEqual([
      { row: 1, values: ['a', 'b'] },
      { row: 2, values: ['x', 'é'] },
    ]);
    expect(text.reading!().encoding).toBe('windows-1252');
    expect(await all(readCsvRecords(chunks('a,b\n', [0xe2, 0x82]), read))).toEqual([
      { row: 1, values: ['a', 'b'] },
      { row: 2, values: ['â‚'] },
    ]);
  });

  it('fails on bytes that are not UTF-8 after UTF-8 text, with the byte offset and line', async () => {
    const error = await failure(all(readCsvRecords(chunks('a,€\nx,', [0xe9], '\n'), read)));
    expect(error.message).toMatch(/not valid UTF-8: invalid byte sequence at byte offset 8 \(line 2\).*encoding=windows-1252/);
    expect(error.field).toBe('encoding');
  });

  it('reads UTF-16 with a byte order mark, and fails on an oversized file', async () => {
    const text: { reading?: () => TextReading } = {};
    const utf16 = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('a,é\n', 'utf16le').swap16()]);
    expect(await all(readCsvRecords(chunks(utf16), { ...read, text }))).toEqual([{ row: 1, values: ['a', 'é'] }]);
    expect(text.reading!().encoding).toBe('utf-16be');
    expect((await failure(all(readCsvRecords(chunks('a,b\n', '1,2\n'), { maxBytes: 6 })))).message).toMatch(/larger than the limit/);
  });

  it('fails on malformed CSV naming the line', async () => {
    const error = await failure(all(readCsvRecords(chunks('a,b\n1,"open\n'), read)));
    expect(error.message).toMatch(/The CSV is malformed near line \d: .*quote/i);
  });
});

describe('readJsonArrayItems', () => {
  it('cuts items out of a stream, whatever the chunking, strings and nesting', async () => {
    const text = ' [ {"a":"x,]}\\"[","b":[1,{"c":2}]} ,\n{"tag":"€"}, 7 ]\n';
    const bytes = Buffer.from(text);
    const oneByteChunks = Readable.from([...bytes].map(b => Buffer.from([b])), { objectMode: false });
    const expected = [
      { row: 1, value: { a: 'x,]}"[', b: [1, { c: 2 }] } },
      { row: 2, value: { tag: '€' } },
      { row: 3, value: 7 },
    ];
    expect(await all(readJsonArrayItems(oneByteChunks, read))).toEqual(expected);
    expect(await all(readJsonArrayItems(chunks(text), read))).toEqual(expected);
    expect(await all(readJsonArrayItems(chunks('[]'), read))).toEqual([]);
  });

  it('reports an item that is not JSON as that item, and a broken array as a file error', async () => {
    const items = await all(readJsonArrayItems(chunks('[{"a":1},{b:2}]'), read));
    expect(items[1]).toEqual({ row: 2, error: expect.stringMatching(/^item 2 is not valid JSON/) });
    expect((await failure(all(readJsonArrayItems(chunks('{"a":1}'), read)))).message).toMatch(/must be a JSON array/);
    expect((await failure(all(readJsonArrayItems(chunks('[{"a":1}'), read)))).message).toMatch(/not closed/);
    expect((await failure(all(readJsonArrayItems(chunks('[1] x'), read)))).message).toMatch(/after the end/);
    expect((await failure(all(readJsonArrayItems(chunks('[1,,2]'), read)))).message).toMatch(/Empty item/);
    expect((await failure(all(readJsonArrayItems(chunks(''), read)))).message).toMatch(/empty/);
    expect(
      (await failure(all(readJsonArrayItems(chunks('[{"a":"', 'x'.repeat(50), '"}]'), { ...read, maxItemChars: 20 })))).message,
    ).toMatch(/longer than 20 characters/);
  });
});

describe('readJsonDocument', () => {
  it('parses a document and explains bad JSON', async () => {
    expect(await readJsonDocument(chunks('{"deviceid":', '"x"}'), read)).toEqual({ deviceid: 'x' });
    expect((await failure(readJsonDocument(chunks('{"deviceid":'), read))).message).toMatch(/not valid JSON/);
    expect((await failure(readJsonDocument(chunks('  '), read))).message).toMatch(/empty/);
  });
});
