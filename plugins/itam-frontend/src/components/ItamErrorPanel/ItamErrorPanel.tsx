import { ErrorPanel, WarningPanel } from '@backstage/core-components';
import { Button, Flex } from '@backstage/ui';
import { statusOf } from '../../utils/errors';

/** The error as the panel shows it: the backend's status and message, not the client's stack. */
function forDisplay(error: Error): Error {
  const status = statusOf(error);
  const shown = new Error(error.message);
  shown.name = status ? `HTTP ${status}` : error.name;
  shown.stack = undefined;
  return shown;
}

/**
 * An ITAM API failure in words, the backend's message always visible: "not found" and "not
 * allowed" as expanded warnings that say so, anything else as an error panel titled with what
 * failed and why; a retry button when `onRetry` is given.
 */
export function ItamErrorPanel(props: { error: Error; title?: string; onRetry?: () => void }) {
  const { error, title, onRetry } = props;
  const status = statusOf(error);
  if (status === 404) {
    return (
      <WarningPanel
        severity="info"
        title={title ?? 'Not found'}
        message={error.message}
        defaultExpanded
      />
    );
  }
  if (status === 401 || status === 403) {
    return (
      <WarningPanel
        severity="warning"
        title={title ?? 'Not allowed'}
        message={`You do not have access to this (${error.message}). Ask an ITAM administrator for the permission if you need it.`}
        defaultExpanded
      />
    );
  }
  return (
    <Flex direction="column" gap="2" align="start">
      <ErrorPanel
        title={`${title ?? 'Something went wrong'}: ${error.message}`}
        error={forDisplay(error)}
      />
      {onRetry && (
        <Button variant="secondary" size="small" onPress={onRetry}>
          Try again
        </Button>
      )}
    </Flex>
  );
}
