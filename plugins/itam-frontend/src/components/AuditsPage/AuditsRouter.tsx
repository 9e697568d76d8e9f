import { Route, Routes, useParams } from 'react-router-dom';
import { EmptyState } from '@backstage/core-components';
import { ButtonLink } from '@backstage/ui';
import { useItamRoutes } from '../../hooks/useItamRoutes';
import { AuditCampaignPage } from './AuditCampaignPage';
import { AuditsPage } from './AuditsPage';

function AuditCampaignRoute() {
  const { auditId = '' } = useParams();
  return <AuditCampaignPage auditId={auditId} />;
}

function NoSuchPage() {
  const routes = useItamRoutes();
  return (
    <EmptyState
      missing="info"
      title="There is no such page in the audits"
      action={
        routes.audits ? (
          <ButtonLink href={routes.audits} variant="primary">
            Open the audit campaigns
          </ButtonLink>
        ) : undefined
      }
    />
  );
}

/**
 * The audit pages, relative to where they are mounted (`/itam/audits` in the ITAM section): the
 * campaigns, and `:auditId` for one campaign.
 */
export function AuditsRouter() {
  return (
    <Routes>
      <Route index element={<AuditsPage />} />
      <Route path=":auditId" element={<AuditCampaignRoute />} />
      <Route path="*" element={<NoSuchPage />} />
    </Routes>
  );
}
