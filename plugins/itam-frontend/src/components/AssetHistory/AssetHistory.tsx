import { EmptyState, Progress } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import Timeline from '@material-ui/lab/Timeline';
import TimelineConnector from '@material-ui/lab/TimelineConnector';
import TimelineContent from '@material-ui/lab/TimelineContent';
import TimelineDot from '@material-ui/lab/TimelineDot';
import TimelineItem from '@material-ui/lab/TimelineItem';
import TimelineOppositeContent from '@material-ui/lab/TimelineOppositeContent';
import TimelineSeparator from '@material-ui/lab/TimelineSeparator';
import type { FieldChange, HistoryEvent } from '@itam/common';
import { useAssetHistory } from '../../hooks';
import { formatValue } from '../../utils/formatValue';
import { fieldLabel, HISTORY_EVENT_KIND_LABELS, LIFECYCLE_STAGE_LABELS } from '../../utils/labels';
import { ItamErrorPanel } from '../ItamErrorPanel';

/** `2026-06-01T10:00:00.000Z` as `2026-06-01 10:00 UTC`: the same for every reader. */
function formatTime(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function title(event: HistoryEvent): string {
  if (event.kind === 'transitioned' && event.transition) {
    const { from, to } = event.transition;
    return `Moved from ${LIFECYCLE_STAGE_LABELS[from]} to ${LIFECYCLE_STAGE_LABELS[to]}`;
  }
  return HISTORY_EVENT_KIND_LABELS[event.kind] ?? event.kind;
}

function Actor(props: { actor: string }) {
  return /^(user|group):/.test(props.actor) ? (
    <EntityRefLink entityRef={props.actor} />
  ) : (
    <span>{props.actor}</span>
  );
}

function Change(props: { change: FieldChange; created: boolean }) {
  const { change, created } = props;
  return (
    <li>
      <Text variant="body-small">
        <Text variant="body-small" weight="bold">
          {fieldLabel(change.field)}:
        </Text>{' '}
        {created ? (
          formatValue(change.after)
        ) : (
          <>
            <del aria-label="before">{formatValue(change.before)}</del>
            {' → '}
            <ins aria-label="after">{formatValue(change.after)}</ins>
          </>
        )}
      </Text>
    </li>
  );
}

/**
 * The asset's audit trail, newest first: who changed what and when, each change with its value
 * before and after, and the reason given.
 */
export function AssetHistory(props: { assetId: string; version: number }) {
  const { events, loading, error, retry } = useAssetHistory(props.assetId, props.version);

  let body;
  if (loading && !events) body = <Progress />;
  else if (error) {
    body = <ItamErrorPanel error={error} title="Could not load the history" onRetry={retry} />;
  } else if (!events || events.length === 0) {
    body = (
      <EmptyState missing="data" title="No history recorded" description="Changes to the asset appear here." />
    );
  } else {
    body = (
      <Timeline align="left" aria-label="History">
        {events.map((event, index) => {
          const changes =
            event.kind === 'transitioned'
              ? event.changes.filter(c => c.field !== 'lifecycleStage')
              : event.changes;
          return (
            <TimelineItem key={`${event.version}:${event.at}`}>
              <TimelineOppositeContent style={{ flex: 0.25 }}>
                <Text variant="body-small" color="secondary">
                  {formatTime(event.at)}
                </Text>
              </TimelineOppositeContent>
              <TimelineSeparator>
                <TimelineDot color={event.kind === 'transitioned' ? 'primary' : 'grey'} />
                {index < events.length - 1 && <TimelineConnector />}
              </TimelineSeparator>
              <TimelineContent>
                <Flex direction="column" gap="1" data-testid={`history-v${event.version}`}>
                  <Text weight="bold">
                    {title(event)} <Text color="secondary">(version {event.version})</Text>
                  </Text>
                  <Text variant="body-small">
                    by <Actor actor={event.actor} />
                  </Text>
                  {event.reason && <Text variant="body-small">Reason: {event.reason}</Text>}
                  {changes.length > 0 && (
                    <ul aria-label={`Changes in version ${event.version}`}>
                      {changes.map(change => (
                        <Change key={change.field} change={change} created={event.kind === 'created'} />
                      ))}
                    </ul>
                  )}
                </Flex>
              </TimelineContent>
            </TimelineItem>
          );
        })}
      </Timeline>
    );
  }

  return (
    <Card>
      <CardHeader>
        <Text as="h3" variant="title-small">
          History
        </Text>
      </CardHeader>
      <CardBody>{body}</CardBody>
    </Card>
  );
}
