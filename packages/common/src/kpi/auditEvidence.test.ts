import { auditEvidenceFromFindings } from './auditEvidence';
import { registerAccuracy } from './registerAccuracy';

describe('auditEvidenceFromFindings', () => {
  const findings = [
    { kind: 'verified', assetId: 'a' },
    { kind: 'verified', assetId: 'b' },
    { kind: 'location-mismatch', assetId: 'c' },
    { kind: 'not-found', assetId: 'd' },
    { kind: 'not-observed', assetId: 'e' },
    { kind: 'unexpected', assetTag: 'LAP-999' },
  ];

  it('sorts findings into verified, mismatched, not found and unexpected; unchecked assets are left out', () => {
    expect(auditEvidenceFromFindings('q1', '2026-03-01T10:00:00Z', findings)).toEqual({
      id: 'q1',
      completedAt: '2026-03-01T10:00:00Z',
      verifiedAssetIds: ['a', 'b'],
      mismatchedAssetIds: ['c'],
      notFoundAssetIds: ['d'],
      unexpectedCount: 1,
    });
  });

  it('feeds register accuracy: a mismatch is checked but not accurate', () => {
    const audits = [auditEvidenceFromFindings('q1', '2026-03-01T10:00:00Z', findings)];
    expect(registerAccuracy({ window: { from: '2026-01-01', to: '2026-03-31' }, audits })).toMatchObject({
      numerator: 2,
      denominator: 5,
      value: 0.4,
    });
  });
});
