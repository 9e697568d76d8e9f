// Worked examples from Oracle, "Oracle Processor Core Factor Table" (cores × factor, aggregated
// per factor and rounded up) and "Licensing Oracle Software in the Cloud Computing Environment".
import {
  lookupOracleCoreFactor,
  oracleAuthorisedCloudProcessorLicences,
  oracleProcessorLicences,
  ORACLE_CORE_FACTOR_TABLE,
} from './oracleCoreFactor';

describe('lookupOracleCoreFactor', () => {
  it.each([
    ['Intel', 'Xeon Gold 6338', 0.5, 'intel-xeon'],
    ['GenuineIntel', 'Intel(R) Xeon(R) CPU E5-2680 v4', 0.5, 'intel-xeon'],
    ['AMD', 'EPYC 7763', 0.5, 'amd-epyc'],
    ['AMD', 'Opteron 6376', 0.5, 'amd-opteron'],
    ['IBM', 'POWER9', 1.0, 'ibm-power'],
    ['IBM', 'Power10', 1.0, 'ibm-power'],
    ['Oracle', 'SPARC M8', 0.5, 'sparc-t4-and-later'],
    ['Fujitsu', 'SPARC64 X+', 0.5, 'fujitsu-sparc64-x'],
    ['Ampere', 'Altra Max M128-30', 0.25, 'ampere'],
    ['Intel', 'Itanium 9560', 1.0, 'intel-itanium-9500'],
  ])('%s %s has factor %d', (vendor, model, factor, entryId) => {
    expect(lookupOracleCoreFactor({ processorVendor: vendor, processorModel: model, coresPerProcessor: 8 })).toEqual({ factor, entryId });
  });

  it('gives single-core chips 1.0 whatever the vendor', () => {
    expect(lookupOracleCoreFactor({ processorVendor: 'Intel', processorModel: 'Xeon', coresPerProcessor: 1 })).toEqual({
      factor: 1,
      entryId: 'single-core',
    });
  });

  it('counts an unlisted or unknown processor at the conservative 1.0', () => {
    expect(lookupOracleCoreFactor({ processorVendor: 'Acme', processorModel: 'X1' })).toEqual({ factor: 1, entryId: null });
    expect(lookupOracleCoreFactor({})).toEqual({ factor: 1, entryId: null });
  });

  it('has table rows with factors Oracle publishes (multiples of 0.25 up to 1)', () => {
    for (const row of ORACLE_CORE_FACTOR_TABLE) {
      expect([0.25, 0.5, 0.75, 1]).toContain(row.factor);
      expect(() => new RegExp(row.pattern)).not.toThrow();
    }
  });
});

describe('oracleProcessorLicences', () => {
  it('8 Intel Xeon cores × 0.5 = 4 processor licences', () => {
    expect(oracleProcessorLicences([{ cores: 8, factor: 0.5 }])).toBe(4);
  });

  it('two 16-core Xeon sockets × 0.5 = 16', () => {
    expect(oracleProcessorLicences([{ cores: 32, factor: 0.5 }])).toBe(16);
  });

  it('rounds fractions up to the next whole licence', () => {
    expect(oracleProcessorLicences([{ cores: 3, factor: 0.5 }])).toBe(2);
    expect(oracleProcessorLicences([{ cores: 10, factor: 0.25 }])).toBe(3);
    expect(oracleProcessorLicences([{ cores: 8, factor: 0.25 }])).toBe(2);
  });

  it('aggregates cores per factor before rounding, then sums the factor groups', () => {
    // Three servers of 3 cores at 0.5: 9 × 0.5 = 4.5 → 5 (not 3 × ⌈1.5⌉ = 6).
    expect(oracleProcessorLicences([{ cores: 3, factor: 0.5 }, { cores: 3, factor: 0.5 }, { cores: 3, factor: 0.5 }])).toBe(5);
    // 9 × 0.5 → 5, plus 4 × 1.0 → 4, plus 2 × 0.25 → 1.
    expect(
      oracleProcessorLicences([
        { cores: 4, factor: 0.5 },
        { cores: 4, factor: 1 },
        { cores: 5, factor: 0.5 },
        { cores: 2, factor: 0.25 },
      ]),
    ).toBe(10);
  });

  it('needs nothing for no cores', () => {
    expect(oracleProcessorLicences([])).toBe(0);
  });
});

describe('oracleAuthorisedCloudProcessorLicences', () => {
  it('counts two vCPUs as one licence with multithreading, one vCPU as one without', () => {
    expect(oracleAuthorisedCloudProcessorLicences(8)).toBe(4);
    expect(oracleAuthorisedCloudProcessorLicences(3)).toBe(2);
    expect(oracleAuthorisedCloudProcessorLicences(8, false)).toBe(8);
  });
});
