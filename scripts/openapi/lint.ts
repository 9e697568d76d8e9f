// Lints the ITAM backend's OpenAPI document (the one its router validates requests against and
// serves at /api/itam/openapi.json) with Redocly's recommended rules. Errors fail the run; each is
// printed with the rule and where in the document it is. Run by `npm test` (scripts/test.mjs).
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { itamOpenApiSpec } from '../../plugins/itam-backend/src/service/openapi';

async function main() {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({
    source: JSON.stringify(itamOpenApiSpec, null, 2),
    absoluteRef: 'plugins/itam-backend/src/service/openapi.ts',
    config,
  });
  const errors = problems.filter(p => p.severity === 'error');
  const warnings = problems.filter(p => p.severity === 'warn');
  for (const p of [...errors, ...warnings]) {
    const where = p.location.map(l => l.pointer).join(', ');
    console.log(`${p.severity} ${p.ruleId}: ${p.message} (${where})`);
  }
  console.log(`OpenAPI lint (Redocly recommended): ${errors.length} errors, ${warnings.length} warnings`);
  if (errors.length > 0) process.exitCode = 1;
}

main().catch(e => {
  console.error(e);
  process.exitCode = 1;
});
