// A backend process that runs one import and is killed by importKill.test.ts in the middle of
// writing it: it says "writing <rows written>" on stdout as each write transaction commits.
// Arguments: a JSON knex config, the job id, the number of rows.
import knexFactory from 'knex';
import { Readable } from 'node:stream';
import { importAssets } from '../imports/importAssets';
import { KnexImportJobStore, newImportJob } from '../imports/ImportJobStore';
import { nativeCsvSource } from '../imports/native';
import { readCsvRecords } from '../imports/readers';

async function main() {
  const [config, jobId, rows] = [JSON.parse(process.argv[2]), process.argv[3], Number(process.argv[4])];
  const knex = knexFactory(config);
  const at = new Date().toISOString();
  const jobs = KnexImportJobStore.create(knex);
  await jobs.insert(newImportJob({ id: jobId, format: 'itam-csv', dryRun: false, createdBy: 'user:default/jane', at }));
  const csv = Readable.from(
    (function* lines() {
      yield 'tag,name,assetClass,type\n';
      for (let i = 0; i < rows; i++) yield `KILL-${i},Killed import ${i},hardware,laptop\n`;
    })(),
  );
  let ids = 0;
  await importAssets(nativeCsvSource(readCsvRecords(csv, { maxBytes: 1024 ** 3 })), {
    db: knex,
    entityRefs: { assertExist: async () => undefined },
    jobId,
    dryRun: false,
    actor: 'user:default/jane',
    at,
    newId: () => `kill-${ids++}`,
    onCommit: trx => jobs.markCommitted(trx, jobId, new Date().toISOString()),
    onProgress: (rows, phase) => {
      if (phase === 'writing') process.stdout.write(`writing ${rows}\n`);
    },
  });
  process.stdout.write('finished\n');
  await knex.destroy();
}

main().catch(e => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
