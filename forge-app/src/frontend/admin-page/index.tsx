import ForgeReconciler from '@forge/react';
import { StrictMode } from 'react';
import { AdminPage } from './admin-page';

ForgeReconciler.render(
  <StrictMode>
    <AdminPage />
  </StrictMode>,
);
