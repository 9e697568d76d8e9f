import ForgeReconciler from '@forge/react';
import { StrictMode } from 'react';
import { ChangePanel } from './change-panel';

ForgeReconciler.render(
  <StrictMode>
    <ChangePanel />
  </StrictMode>,
);
