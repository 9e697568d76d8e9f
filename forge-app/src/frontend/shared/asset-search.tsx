import { Button, Inline, Label, Spinner, Stack, Text, Textfield } from '@forge/react';
import { useState } from 'react';
import { call } from './api';
import { ErrorMessage } from './error-message';
import { unexpectedError, type LoadState } from './use-resolver';
import type { AssetSearchHit } from '../../common/types';

/** Search the register by tag, name or serial number and link a result to the issue. */
export function AssetSearch(props: { busy: boolean; onLink: (assetId: string) => Promise<void> }) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<LoadState<AssetSearchHit[]>>();

  const search = async () => {
    setResults({ status: 'loading' });
    try {
      const result = await call('searchAssets', { q });
      setResults(result.ok ? { status: 'ready', data: result.data } : { status: 'error', error: result.error });
    } catch {
      setResults({ status: 'error', error: unexpectedError });
    }
  };

  const link = async (assetId: string) => {
    await props.onLink(assetId);
    setResults(undefined);
    setQ('');
  };

  return (
    <Stack space="space.100">
      <Label labelFor="itam-asset-search">Link an asset from the register</Label>
      <Inline space="space.100" alignBlock="center">
        <Textfield
          id="itam-asset-search"
          name="q"
          placeholder="Tag, name or serial number"
          value={q}
          onChange={event => setQ(String(event.target.value ?? ''))}
        />
        <Button isDisabled={props.busy || q.trim().length < 2} onClick={search}>
          Search
        </Button>
      </Inline>
      {results?.status === 'loading' && <Spinner label="Searching the register" />}
      {results?.status === 'error' && <ErrorMessage error={results.error} />}
      {results?.status === 'ready' && results.data.length === 0 && <Text>No assets match.</Text>}
      {results?.status === 'ready' &&
        results.data.map(hit => (
          <Inline key={hit.id} space="space.100" alignBlock="center">
            <Text>{`${hit.tag} · ${hit.name} · ${hit.lifecycleStage} · Tier ${hit.criticality}`}</Text>
            <Button
              appearance="primary"
              isDisabled={props.busy || hit.linked}
              onClick={() => link(hit.id)}
            >
              {hit.linked ? `${hit.tag} linked` : `Link ${hit.tag}`}
            </Button>
          </Inline>
        ))}
    </Stack>
  );
}
