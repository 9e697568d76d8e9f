import { addMonthsToDate, DateColumnEvidence, dateShape, fullYear, parseDate } from './dates';

describe('parseDate', () => {
  it('reads year-first and month-name dates the same in every layout, ignoring a time', () => {
    for (const format of ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY'] as const) {
      expect(parseDate('2023-01-23', format)).toEqual({ date: '2023-01-23' });
      expect(parseDate('2023/1/23 10:00:00', format)).toEqual({ date: '2023-01-23' });
      expect(parseDate('2024-01-31 12:00 AM', format)).toEqual({ date: '2024-01-31' });
      expect(parseDate('2023-01-23T10:00:00Z', format)).toEqual({ date: '2023-01-23' });
      expect(parseDate('Jan 23, 2023', format)).toEqual({ date: '2023-01-23' });
      expect(parseDate('Mon Jan 23, 2023', format)).toEqual({ date: '2023-01-23' });
      expect(parseDate('23 January 2023', format)).toEqual({ date: '2023-01-23' });
    }
  });

  it('reads day/month numbers in the layout given, with two-digit years pivoted at 69', () => {
    expect(parseDate('1/23/23', 'MM/DD/YYYY')).toEqual({ date: '2023-01-23' });
    expect(parseDate('23/01/2023', 'DD/MM/YYYY')).toEqual({ date: '2023-01-23' });
    expect(parseDate('23.01.23', 'DD/MM/YYYY')).toEqual({ date: '2023-01-23' });
    expect(parseDate('03/04/2023', 'MM/DD/YYYY')).toEqual({ date: '2023-03-04' });
    expect(parseDate('03/04/2023', 'DD/MM/YYYY')).toEqual({ date: '2023-04-03' });
    expect(parseDate('4/5/99', 'MM/DD/YYYY')).toEqual({ date: '1999-04-05' });
    expect(parseDate('4/5/68', 'MM/DD/YYYY')).toEqual({ date: '2068-04-05' });
    expect(fullYear('69')).toBe(1969);
    expect(fullYear('00')).toBe(2000);
  });

  it('refuses dates that are not real or not in the layout', () => {
    expect(parseDate('23/01/2023', 'MM/DD/YYYY')).toEqual({ error: expect.stringMatching(/MM\/DD\/YYYY/) });
    expect(parseDate('02/30/2023', 'MM/DD/YYYY')).toHaveProperty('error');
    expect(parseDate('2023-02-29', 'YYYY-MM-DD')).toHaveProperty('error');
    expect(parseDate('2024-02-29', 'YYYY-MM-DD')).toEqual({ date: '2024-02-29' });
    expect(parseDate('01/02/2023', 'YYYY-MM-DD')).toHaveProperty('error');
    expect(parseDate('soon', 'DD/MM/YYYY')).toEqual({ error: expect.stringMatching(/31\/01\/2023/) });
    expect(dateShape('13/13/2023')).toEqual({ kind: 'invalid' });
  });
});

describe('DateColumnEvidence', () => {
  const decide = (values: string[]) => {
    const evidence = new DateColumnEvidence();
    for (const v of values) evidence.add(v);
    return evidence.decide();
  };

  it('lets one cell above 12 decide the whole column', () => {
    expect(decide(['01/02/2023', '03/04/2023', '23/01/2023'])).toEqual({ format: 'DD/MM/YYYY' });
    expect(decide(['01/02/2023', '1/23/23'])).toEqual({ format: 'MM/DD/YYYY' });
  });

  it('says ambiguous when every cell reads both ways, inconsistent when no layout fits all', () => {
    expect(decide(['01/02/2023', '03/04/2023'])).toEqual({ ambiguous: ['MM/DD/YYYY', 'DD/MM/YYYY'] });
    expect(decide(['23/01/2023', '1/23/23'])).toEqual({ inconsistent: true });
    expect(decide(['2023-01-02', 'Jan 3, 2023', ''])).toEqual({ format: 'YYYY-MM-DD' });
  });
});

describe('addMonthsToDate', () => {
  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonthsToDate('2024-03-15', 36)).toBe('2027-03-15');
    expect(addMonthsToDate('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsToDate('2023-01-31', 13)).toBe('2024-02-29');
    expect(addMonthsToDate('2023-02-30', 1)).toBeUndefined();
  });
});
