import ForgeReconciler from '@forge/react';
import { StrictMode } from 'react';
import { IssueContext } from './issue-context';

ForgeReconciler.render(
  <StrictMode>
    <IssueContext />
  </StrictMode>,
);
