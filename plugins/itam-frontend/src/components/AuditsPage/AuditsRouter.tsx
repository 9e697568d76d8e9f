import { Route, Routes, useParams } from 'react-router-dom';
import { useItamRoutes } from '../../hooks/useItamRoutes';
import { ItamNotFound } from '../ItamNotFound';
import { AuditCampaignPage } from './AuditCampaignPage';
import { AuditsPage } from './AuditsPage';

function AuditCampaignRoute() {
  const { auditId = '' } = useParams();
  return <AuditCampaignPage auditId={auditId} />;
}

function NoSuchPage() {
  const routes = useItamRoutes();
  return (
    <ItamNotFound
      title="There is no such page in the audits"
      back={{ href: routes.audits, label: 'Open the audit campaigns' }}
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
