import { complianceRate } from './complianceRate';

const window = { from: '2026-01-01', to: '2026-03-31' };

describe('complianceRate', () => {
  it('is compliant products ÷ products reconciled', () => {
    const r = complianceRate({
      window,
      licencePositions: [
        { productId: 'office', compliant: true },
        { productId: 'sql-server', compliant: false },
        { productId: 'jira', compliant: true },
        { productId: 'oracle-db', compliant: true },
      ],
    });
    expect(r).toMatchObject({ id: 'licence-compliance-rate', value: 0.75, numerator: 3, denominator: 4 });
  });

  it('is null with a reason when nothing was reconciled', () => {
    expect(complianceRate({ window, licencePositions: [] })).toMatchObject({
      value: null,
      reason: 'no licence positions were reconciled',
    });
  });

  it('refuses a product listed twice', () => {
    expect(() =>
      complianceRate({
        window,
        licencePositions: [
          { productId: 'office', compliant: true },
          { productId: 'office', compliant: false },
        ],
      }),
    ).toThrow('licencePositions.1.productId: duplicates product office');
  });
});
