import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MaturityAssessment } from '@itam/common';
import { apiError, fakeItamApi, pending } from '../../testing/fakeItamApi';
import { aMaturityAssessment } from '../../testing/kpiFixtures';
import { renderWithItam } from '../../testing/renderWithItam';
import { MaturityCard } from './MaturityCard';

describe('MaturityCard', () => {
  it('shows progress while the assessment loads', async () => {
    await renderWithItam(<MaturityCard />, { api: fakeItamApi({ getMaturity: () => pending() }) });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the level and what the next level is missing', async () => {
    await renderWithItam(<MaturityCard />, {
      api: fakeItamApi({ getMaturity: async () => aMaturityAssessment() }),
    });
    expect(await screen.findByTestId('maturity-level')).toHaveTextContent('Level 2 of 5: Repeatable');
    expect(screen.getByText(/A register is kept with owners/)).toBeInTheDocument();
    const levels = screen.getByRole('list', { name: 'Maturity levels' });
    expect(within(levels).getAllByRole('listitem')).toHaveLength(5);
    expect(within(levels).getByText('2 Repeatable').closest('li')).toHaveAttribute('aria-current', 'step');

    expect(screen.getByRole('heading', { name: 'To reach level 3 (Defined)' })).toBeInTheDocument();
    const missing = screen.getByRole('list', { name: 'Missing for level 3' });
    expect(within(missing).getAllByRole('listitem')).toHaveLength(2);
    expect(within(missing).getByText(/Audit recency is 25.0% \(5 of 20\); level 3 needs at least 50.0%/)).toBeInTheDocument();
    expect(within(missing).getByText(/2 more asset\(s\) in service need a link to a catalogue entity/)).toBeInTheDocument();
    expect(screen.getByText(/Assessed on 2026-03-31/)).toBeInTheDocument();
  });

  it('says when the highest level is reached', async () => {
    const top: MaturityAssessment = { ...aMaturityAssessment(), level: 5, name: 'Optimised', next: null };
    await renderWithItam(<MaturityCard />, { api: fakeItamApi({ getMaturity: async () => top }) });
    expect(await screen.findByTestId('maturity-level')).toHaveTextContent('Level 5 of 5: Optimised');
    expect(screen.getByText(/This is the highest level/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: /Missing for level/ })).not.toBeInTheDocument();
  });

  it('says there is no evidence yet for an empty register', async () => {
    const base = aMaturityAssessment();
    const empty: MaturityAssessment = {
      ...base,
      level: 1,
      criteria: base.criteria.map(c => ({ ...c, value: null, numerator: 0, denominator: 0, reason: 'no assets' })),
    };
    await renderWithItam(<MaturityCard />, { api: fakeItamApi({ getMaturity: async () => empty }) });
    expect(await screen.findByText('No evidence to assess maturity yet')).toBeInTheDocument();
    expect(screen.queryByTestId('maturity-level')).not.toBeInTheDocument();
  });

  it('shows a failure with a retry', async () => {
    const api = fakeItamApi({
      getMaturity: jest.fn().mockRejectedValueOnce(apiError(503, 'store unavailable')).mockResolvedValue(aMaturityAssessment()),
    });
    await renderWithItam(<MaturityCard />, { api });
    expect(await screen.findByText('Error: Could not assess maturity: store unavailable')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('maturity-level')).toHaveTextContent('Level 2 of 5: Repeatable');
  });
});
