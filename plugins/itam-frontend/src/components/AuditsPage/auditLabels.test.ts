import { dueDateText, scopeCriteria, scopeSummary } from './auditLabels';

describe('audit labels', () => {
  it('sums up a scope in words, or says it covers every asset', () => {
    expect(scopeSummary({})).toBe('Every asset not disposed');
    expect(
      scopeSummary({
        assetClasses: ['hardware', 'cloud'],
        lifecycleStages: ['in-stock'],
        locations: ['Berlin'],
        owners: ['group:default/sre'],
      }),
    ).toBe('Hardware, Cloud; In stock; at Berlin; owned by group:default/sre');
  });

  it('lists every criterion, "any" where the scope says nothing', () => {
    expect(scopeCriteria({ locations: ['Berlin', 'Munich'] })).toEqual([
      { label: 'Asset classes', value: 'any' },
      { label: 'Lifecycle stages', value: 'any' },
      { label: 'Locations', value: 'Berlin, Munich' },
      { label: 'Owners', value: 'any' },
    ]);
  });

  it('flags an open campaign past its due date only', () => {
    expect(dueDateText({ dueDate: '2026-03-31', status: 'open' }, '2026-04-01')).toBe('2026-03-31 (overdue)');
    expect(dueDateText({ dueDate: '2026-03-31', status: 'closed' }, '2026-04-01')).toBe('2026-03-31');
    expect(dueDateText({ dueDate: '2026-03-31', status: 'open' }, '2026-03-31')).toBe('2026-03-31');
    expect(dueDateText({ status: 'open' }, '2026-03-31')).toBe('No due date');
  });
});
