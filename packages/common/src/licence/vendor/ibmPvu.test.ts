// Worked examples from IBM, "Processor Value Unit [PVU] licensing for Distributed Software" and
// its "Table of Processor Value Units [PVUs] per core"; "Guide to identifying your Processor
// Technology" (e.g. System x3500, Xeon 5000-5499: 50 PVUs per core).
import { ibmPvuRequired, IBM_PVU_TABLE, IBM_PVU_UNLISTED_PER_CORE, lookupIbmPvuPerCore } from './ibmPvu';

describe('lookupIbmPvuPerCore', () => {
  it.each([
    ['Intel', 'Xeon Gold 6338', 2, 70, 'intel-xeon-2'],
    ['Intel', 'Xeon Silver 4314', 1, 70, 'intel-xeon-2'],
    ['Intel', 'Xeon Platinum 8380H', 4, 100, 'intel-xeon-4'],
    ['Intel', 'Xeon Platinum 8380H', 8, 120, 'intel-xeon-gt4'],
    ['Intel', 'Xeon E5450', 2, 50, 'intel-xeon-pre-nehalem'],
    ['Intel', 'Xeon X3220', 1, 50, 'intel-xeon-pre-nehalem'],
    ['Intel', 'Xeon E5-2680 v4', 2, 70, 'intel-xeon-2'],
    ['Intel', 'Xeon Gold 5318Y', 2, 70, 'intel-xeon-2'],
    ['AMD', 'Opteron 2435', 2, 50, 'amd-opteron'],
    ['IBM', 'POWER9', 2, 70, 'ibm-power-2'],
    ['IBM', 'POWER9', 4, 100, 'ibm-power-4'],
    ['IBM', 'POWER9', 16, 120, 'ibm-power-gt4'],
    ['IBM', 'POWER8', 4, 100, 'ibm-power-4'],
  ])('%s %s in a %i-socket server is rated %i PVU per core', (vendor, model, sockets, pvu, entryId) => {
    expect(lookupIbmPvuPerCore({ processorVendor: vendor, processorModel: model, maxSockets: sockets })).toEqual({ pvuPerCore: pvu, entryId });
  });

  it('rates an unlisted processor at the highest rating, flagged by a null entry', () => {
    expect(lookupIbmPvuPerCore({ processorVendor: 'AMD', processorModel: 'EPYC 9654', maxSockets: 2 })).toEqual({
      pvuPerCore: IBM_PVU_UNLISTED_PER_CORE,
      entryId: null,
    });
    expect(IBM_PVU_UNLISTED_PER_CORE).toBe(Math.max(...IBM_PVU_TABLE.map(e => e.pvuPerCore)));
  });
});

describe('ibmPvuRequired', () => {
  it('2-socket Intel Xeon server, 2 × 8 cores × 70 = 1120 PVUs', () => {
    expect(ibmPvuRequired(2, 8, 70)).toBe(1120);
  });

  it('two dual-core processors rated 50 need 2 × 2 × 50 = 200 PVUs', () => {
    expect(ibmPvuRequired(2, 2, 50)).toBe(200);
  });

  it('a POWER9 E980 with 4 × 12 cores rated 120 needs 5760 PVUs', () => {
    expect(ibmPvuRequired(4, 12, 120)).toBe(5760);
  });
});
