import { useId } from 'react';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import type { KpiResult } from '@itam/common';
import { formatKpiValue, kpiBasis } from './kpiPresentation';

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * One KPI of a window: its value formatted by unit, what it was computed from (numerator and
 * denominator), and its formula in words; when it could not be computed, "No data" and why.
 */
export function KpiTile(props: { kpi: KpiResult; note?: string }) {
  const { kpi, note } = props;
  const nameId = useId();
  return (
    <Card role="group" aria-labelledby={nameId} data-kpi={kpi.id}>
      <CardHeader>
        <Text as="h4" id={nameId} variant="title-x-small">
          {kpi.name}
        </Text>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="2">
          {kpi.value === null ? (
            <>
              <Text variant="title-medium" color="secondary">
                No data
              </Text>
              {kpi.reason && <Text variant="body-small">{sentence(kpi.reason)}.</Text>}
            </>
          ) : (
            <>
              <Text variant="title-medium" data-testid="kpi-value">
                {formatKpiValue(kpi, kpi.value)}
              </Text>
              <Text variant="body-small">{kpiBasis(kpi)}</Text>
            </>
          )}
          {note && (
            <Text variant="body-small" color="warning">
              {note}
            </Text>
          )}
          <Text variant="body-x-small" color="secondary">
            How it is measured: {kpi.definition}
          </Text>
        </Flex>
      </CardBody>
    </Card>
  );
}
