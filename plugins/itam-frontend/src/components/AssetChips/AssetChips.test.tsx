import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { anAsset } from '../../testing/fakeItamApi';
import { addDays, todayIso } from '../../testing/dates';
import { AssetDateChips, CriticalityChip, LifecycleStageChip, StatusChip } from './AssetChips';

describe('AssetChips', () => {
  it('names how worrying a status is for assistive technology, not only by colour', async () => {
    await renderInTestApp(
      <>
        <StatusChip level="ok" label="fine" />
        <StatusChip level="warning" label="soon" />
        <StatusChip level="error" label="late" />
        <StatusChip level="unknown" label="no date" />
      </>,
    );
    expect(screen.getByText('fine').closest('[data-status]')).toHaveAttribute('data-status', 'ok');
    expect(screen.getByTitle('OK')).toBeInTheDocument();
    expect(screen.getByTitle('Warning')).toBeInTheDocument();
    expect(screen.getByTitle('Problem')).toBeInTheDocument();
    expect(screen.getByTitle('Unknown')).toBeInTheDocument();
  });

  it('labels stages and criticality in words, flagging the top tiers', async () => {
    await renderInTestApp(
      <>
        <LifecycleStageChip stage="in-stock" />
        <CriticalityChip criticality={1} />
        <CriticalityChip criticality={4} />
      </>,
    );
    expect(screen.getByText('In stock')).toBeInTheDocument();
    expect(screen.getByText('Tier 1 (critical)').closest('[data-status]')).toHaveAttribute('data-status', 'error');
    expect(screen.getByText('Tier 4 (low)').closest('[data-status]')).toHaveAttribute('data-status', 'ok');
  });

  it('computes the warranty and end-of-life chips from the dates', async () => {
    const today = todayIso();
    await renderInTestApp(
      <AssetDateChips
        asset={anAsset({ warrantyEnd: addDays(today, -1), endOfLife: addDays(today, 10) })}
        today={today}
      />,
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
});
