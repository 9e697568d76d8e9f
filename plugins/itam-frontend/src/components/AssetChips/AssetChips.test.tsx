import { screen, waitFor } from '@testing-library/react';
import { anAsset, fakeItamApi } from '../../testing/fakeItamApi';
import { renderWithItam } from '../../testing/renderWithItam';
import { addDays, todayIso } from '../../testing/dates';
import { AssetDateChips, CriticalityChip, LifecycleStageChip, StatusChip } from './AssetChips';

describe('AssetChips', () => {
  it('names how worrying a status is for assistive technology, not only by colour', async () => {
    await renderWithItam(
      <>
        <StatusChip level="ok" label="fine" />
        <StatusChip level="warning" label="soon" />
        <StatusChip level="error" label="late" />
        <StatusChip level="unknown" label="no date" />
      </>,
      { api: fakeItamApi() },
    );
    expect(screen.getByText('fine').closest('[data-status]')).toHaveAttribute('data-status', 'ok');
    expect(screen.getByTitle('OK')).toBeInTheDocument();
    expect(screen.getByTitle('Warning')).toBeInTheDocument();
    expect(screen.getByTitle('Problem')).toBeInTheDocument();
    expect(screen.getByTitle('Unknown')).toBeInTheDocument();
  });

  it('labels stages and criticality in words, flagging the top tiers', async () => {
    await renderWithItam(
      <>
        <LifecycleStageChip stage="in-stock" />
        <CriticalityChip criticality={1} />
        <CriticalityChip criticality={4} />
      </>,
      { api: fakeItamApi() },
    );
    expect(screen.getByText('In stock')).toBeInTheDocument();
    expect(screen.getByText('Tier 1 (critical)').closest('[data-status]')).toHaveAttribute('data-status', 'error');
    expect(screen.getByText('Tier 4 (low)').closest('[data-status]')).toHaveAttribute('data-status', 'ok');
  });

  it('computes the warranty and end-of-life chips from the dates', async () => {
    const today = todayIso();
    await renderWithItam(
      <AssetDateChips
        asset={anAsset({ warrantyEnd: addDays(today, -1), endOfLife: addDays(today, 10) })}
        today={today}
      />,
      { api: fakeItamApi() },
    );
    expect(screen.getByText(`Warranty expired on ${addDays(today, -1)}`).closest('[data-status]')).toHaveAttribute(
      'data-status',
      'error',
    );
    expect(screen.getByText(`End of life in 10 days (${addDays(today, 10)})`).closest('[data-status]')).toHaveAttribute(
      'data-status',
      'warning',
    );
  });

  it('flags dates and tiers by the windows and critical tiers the backend is configured with', async () => {
    const today = todayIso();
    const api = fakeItamApi({
      getSettings: async () => ({ noticeWindows: { warrantyDays: 10, endOfLifeDays: 400, endOfSupportDays: 90 }, criticalTierMax: 3 }),
    });
    await renderWithItam(
      <>
        <AssetDateChips asset={anAsset({ warrantyEnd: addDays(today, 30), endOfLife: addDays(today, 300) })} today={today} />
        <CriticalityChip criticality={3} />
      </>,
      { api },
    );
    await waitFor(() =>
      expect(screen.getByText(`End of life in 300 days (${addDays(today, 300)})`).closest('[data-status]')).toHaveAttribute('data-status', 'warning'),
    );
    expect(screen.getByText(`Under warranty until ${addDays(today, 30)}`).closest('[data-status]')).toHaveAttribute('data-status', 'ok');
    expect(screen.getByText('Tier 3 (medium)').closest('[data-status]')).toHaveAttribute('data-status', 'warning');
  });
});
