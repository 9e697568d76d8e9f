import ForgeReconciler from '@forge/react';
import { StrictMode } from 'react';
import { IncidentPanel } from './incident-panel';

ForgeReconciler.render(
  <StrictMode>
    <IncidentPanel />
  </StrictMode>,
);
