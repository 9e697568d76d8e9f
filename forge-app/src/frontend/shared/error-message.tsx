import { SectionMessage, Text } from '@forge/react';
import type { ResolverError } from './use-resolver';

const TITLES: Record<ResolverError['code'], string> = {
  'not-configured': 'ITAM register not connected',
  forbidden: 'Not allowed',
  'backend-unauthorized': 'ITAM register refused the app',
  'backend-error': 'ITAM register unavailable',
  'invalid-input': 'Check your input',
  'not-found': 'Not found',
  'no-issue': 'No issue',
  'out-of-scope': 'Not tracked here',
};

/** A failure explained: warnings for setup and permissions, errors for the rest. */
export function ErrorMessage({ error }: { error: ResolverError }) {
  const warning = error.code === 'not-configured' || error.code === 'out-of-scope' || error.code === 'forbidden' || error.code === 'invalid-input';
  return (
    <SectionMessage appearance={warning ? 'warning' : 'error'} title={TITLES[error.code]}>
      <Text>{error.message}</Text>
    </SectionMessage>
  );
}
