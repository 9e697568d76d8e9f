// The generated register as the native CSV the import reads, produced lazily.
import { Readable } from 'node:stream';
import { seededRandom } from '../harness';
import { generateAsset } from './registerData';

export const COLUMNS = ['tag', 'name', 'assetClass', 'type', 'lifecycleStage', 'owner', 'criticality', 'serialNumber', 'location', 'purchaseDate', 'purchaseCost', 'currency'];

/** The generated register as a native CSV stream, produced lazily (never held whole). */
export function csvStream(count: number, seed: number): Readable {
  const random = seededRandom(seed);
  return Readable.from(
    (function* lines() {
      yield `${COLUMNS.join(',')}\n`;
      let chunk = '';
      for (let i = 0; i < count; i++) {
        const a = generateAsset(i, random);
        chunk += `${[a.tag, a.name, a.assetClass, a.type, a.lifecycleStage, a.owner, a.criticality, a.serialNumber, a.location, a.purchase!.date, a.purchase!.cost, a.purchase!.currency].join(',')}\n`;
        if (chunk.length > 64 * 1024) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    })(),
    { objectMode: false },
  );
}
