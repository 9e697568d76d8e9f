import { Inline, Lozenge, Spinner, Text } from '@forge/react';
import { call } from '../shared/api';
import { ErrorMessage } from '../shared/error-message';
import { HEALTH } from '../shared/labels';
import { useResolver } from '../shared/use-resolver';

const loadSummary = () => call('getIssueSummary');

/** The issue context summary: how many assets are linked and the worst status among them. */
export function IssueContext() {
  const { state } = useResolver(loadSummary);
  if (state.status === 'loading') return <Spinner label="Loading" size="small" />;
  if (state.status === 'error') return <ErrorMessage error={state.error} />;
  const { count, worst } = state.data;
  if (count === 0) return <Text>No linked assets.</Text>;
  return (
    <Inline space="space.100" alignBlock="center">
      <Text>{count === 1 ? '1 linked asset' : `${count} linked assets`}</Text>
      {worst && <Lozenge appearance={HEALTH[worst].appearance}>{HEALTH[worst].text}</Lozenge>}
    </Inline>
  );
}
