// Worked examples from Microsoft, "SQL Server 2022 Licensing Guide": per-core licensing of a
// physical OSE needs all physical cores, at least 4 per processor; a VM needs all its virtual
// cores, at least 4.
import { sqlServerPhysicalCoreLicences, sqlServerVirtualCoreLicences } from './sqlServer';

describe('SQL Server per-core', () => {
  it.each([
    [1, 2, 4],
    [2, 2, 8],
    [1, 4, 4],
    [2, 6, 12],
    [4, 16, 64],
  ])('a physical server with %i processor(s) × %i cores needs %i core licences', (p, c, expected) => {
    expect(sqlServerPhysicalCoreLicences(p, c)).toBe(expected);
  });

  it.each([
    [1, 4],
    [2, 4],
    [4, 4],
    [6, 6],
    [10, 10],
  ])('a VM with %i virtual core(s) needs %i core licences', (v, expected) => {
    expect(sqlServerVirtualCoreLicences(v)).toBe(expected);
  });
});
