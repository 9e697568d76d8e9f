import { Box, Button, Heading, Inline, Lozenge, SectionMessage, Stack, Text } from '@forge/react';
import type { ChangeRiskLevel } from '@itam/common';
import type { ChangeAssessment } from '../../common/types';
import { reachedItems } from '../../domain/impact-text';
import { tierLabel } from '../shared/labels';

const RISK_APPEARANCE: Record<ChangeRiskLevel, 'success' | 'moved' | 'removed'> = {
  low: 'success',
  medium: 'moved',
  high: 'removed',
  critical: 'removed',
};

const WINDOW_SOURCE: Record<ChangeAssessment['window']['source'], string> = {
  planned: 'Window: the change request’s planned start and end.',
  'due-date': 'Window: the issue’s due date (no planned start and end are set).',
  'next-24-hours': 'Window: the next 24 hours (no planned start and end or due date are set).',
};

/**
 * The register's impact assessment of the change: its risk with every reason, what it reaches
 * beyond the linked assets and by which path, who to notify, the highest criticality and open
 * incidents; and the action that records it on the issue as a comment.
 */
export function ChangeAssessmentView(props: {
  assessment: ChangeAssessment;
  busy: boolean;
  recorded?: string;
  onRecord: () => void;
}) {
  const { result, window, highestCritical } = props.assessment;
  const { risk } = result;
  const reached = reachedItems(result);
  const incidents = [...new Set(result.openIncidents.flatMap(i => i.issueKeys))];
  return (
    <Box>
      <Stack space="space.100">
        <Heading size="small">Impact assessment</Heading>
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Text>{`Risk score: ${risk.score} / 25`}</Text>
          <Lozenge appearance={RISK_APPEARANCE[risk.level]}>{`${risk.level} risk`}</Lozenge>
        </Inline>
        <Text>{`Impact ${risk.impact} × likelihood ${risk.likelihood}, for ${window.start} to ${window.end}.`}</Text>
        <Text>{WINDOW_SOURCE[window.source]}</Text>
        {risk.reasons.map(reason => (
          <Text key={`${reason.factor}-${reason.dimension}`}>
            {`${reason.factor} (+${reason.points} ${reason.dimension}): ${reason.explanation}`}
          </Text>
        ))}
        <Heading size="xsmall">Affected services and systems</Heading>
        {reached.length === 0 ? (
          <Text>Nothing beyond the linked assets.</Text>
        ) : (
          reached.map(item => <Text key={`${item.kind}-${item.label}`}>{`${item.label} (${item.kind}): ${item.path}`}</Text>)
        )}
        <Text>
          {result.ownersToNotify.length > 0
            ? `Owners to notify (assessment): ${result.ownersToNotify.map(o => o.owner).join(', ')}`
            : 'Owners to notify (assessment): none recorded'}
        </Text>
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Text>Highest criticality (assessment):</Text>
          {result.highestCriticality ? (
            <Lozenge appearance={tierLabel(result.highestCriticality.tier, highestCritical ?? false).appearance}>
              {tierLabel(result.highestCriticality.tier, highestCritical ?? false).text}
            </Lozenge>
          ) : (
            <Text>unknown</Text>
          )}
        </Inline>
        <Text>{incidents.length > 0 ? `Open incidents (assessment): ${incidents.join(', ')}` : 'Open incidents (assessment): none'}</Text>
        {props.recorded && (
          <SectionMessage appearance="success" title="Assessment recorded">
            <Text>{props.recorded}</Text>
          </SectionMessage>
        )}
        <Inline>
          <Button isDisabled={props.busy} onClick={props.onRecord}>
            Record assessment as comment
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
