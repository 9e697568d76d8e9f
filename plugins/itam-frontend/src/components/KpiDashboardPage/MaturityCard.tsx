import { EmptyState, Progress } from '@backstage/core-components';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { MATURITY_LEVELS, type MaturityAssessment } from '@itam/common';
import { useMaturity } from '../../hooks/useKpis';
import { ItamErrorPanel } from '../ItamErrorPanel';

function MaturityLevels(props: { level: number }) {
  return (
    <ol aria-label="Maturity levels" style={{ display: 'flex', gap: 16, listStyle: 'none', padding: 0, margin: 0 }}>
      {MATURITY_LEVELS.map(l => {
        const current = l.level === props.level;
        return (
          <li key={l.level} aria-current={current ? 'step' : undefined}>
            <Text
              variant="body-small"
              weight={current ? 'bold' : 'regular'}
              color={l.level <= props.level ? 'primary' : 'secondary'}
            >
              {l.level} {l.name}
            </Text>
          </li>
        );
      })}
    </ol>
  );
}

function Assessment(props: { maturity: MaturityAssessment }) {
  const { maturity } = props;
  const { next } = maturity;
  return (
    <Flex direction="column" gap="3">
      <Text variant="title-medium" data-testid="maturity-level">
        Level {maturity.level} of 5: {maturity.name}
      </Text>
      <Text>{maturity.summary}</Text>
      <MaturityLevels level={maturity.level} />
      {next ? (
        <Flex direction="column" gap="1">
          <Text as="h4" variant="title-x-small">
            To reach level {next.level} ({next.name})
          </Text>
          <ul aria-label={`Missing for level ${next.level}`} style={{ margin: 0 }}>
            {next.missing.map(gap => (
              <li key={gap.criterion}>
                <Text variant="body-small">{gap.message}</Text>
              </li>
            ))}
          </ul>
        </Flex>
      ) : (
        <Text>This is the highest level: keep the evidence complete and current.</Text>
      )}
      <Text variant="body-x-small" color="secondary">
        Assessed on {maturity.asOf} from evidence in the register: owner coverage, lifecycle data,
        audits, licence reconciliation, and links to tickets and catalogue entities. Documented
        processes cannot be measured and do not count.
      </Text>
    </Flex>
  );
}

/** The ITAM maturity level 1–5 the register's evidence supports, and what the next level lacks. */
export function MaturityCard() {
  const { maturity, loading, error, retry } = useMaturity();

  let body;
  if (loading && !maturity) body = <Progress />;
  else if (error) body = <ItamErrorPanel error={error} title="Could not assess maturity" onRetry={retry} />;
  else if (!maturity || maturity.criteria.every(c => c.value === null)) {
    body = (
      <EmptyState
        missing="data"
        title="No evidence to assess maturity yet"
        description="Maturity is measured from the register: register assets with owners and lifecycle dates, audit them, and link them to tickets and catalogue entities."
      />
    );
  } else body = <Assessment maturity={maturity} />;

  return (
    <Card role="region" aria-label="ITAM maturity">
      <CardHeader>
        <Text as="h3" variant="title-small">
          ITAM maturity
        </Text>
      </CardHeader>
      <CardBody>{body}</CardBody>
    </Card>
  );
}
