import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { apiError } from '../../testing/fakeItamApi';
import { ItamErrorPanel } from './ItamErrorPanel';

describe('ItamErrorPanel', () => {
  it('says what failed and why in its title, without the client stack', async () => {
    await renderInTestApp(
      <ItamErrorPanel error={apiError(500, 'disk full')} title="Could not save the asset" />,
    );
    expect(screen.getByText('Error: Could not save the asset: disk full')).toBeInTheDocument();
    expect(screen.getByText('HTTP 500')).toBeInTheDocument();
    expect(screen.queryByText(/at .*\.ts/)).not.toBeInTheDocument();
  });

  it('shows a missing asset as "not found" with the message expanded', async () => {
    await renderInTestApp(<ItamErrorPanel error={apiError(404, 'Asset X-1 not found')} />);
    expect(screen.getByText('Info: Not found')).toBeInTheDocument();
    expect(screen.getByText('Asset X-1 not found')).toBeVisible();
  });

  it('explains a refused permission', async () => {
    await renderInTestApp(<ItamErrorPanel error={apiError(403, 'Unauthorized')} />);
    expect(screen.getByText('Warning: Not allowed')).toBeInTheDocument();
    expect(screen.getByText(/Ask an ITAM administrator/)).toBeInTheDocument();
  });

  it('offers a retry when given one', async () => {
    const onRetry = jest.fn();
    await renderInTestApp(<ItamErrorPanel error={new Error('offline')} onRetry={onRetry} />);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
