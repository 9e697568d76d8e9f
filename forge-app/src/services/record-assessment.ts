import { ItamForgeError } from '../common/errors';
import { messages } from '../common/messages';
import { RISK_PROPERTY_KEY } from '../common/constants';
import type { RecordedAssessment } from '../common/types';
import { assessmentComment, assessmentText } from '../domain/assessment-comment';
import { addComment } from '../jira-client/add-comment';
import { addInternalComment } from '../jira-client/add-internal-comment';
import { isServiceDeskRequest } from '../jira-client/is-service-desk-request';
import { setIssueProperty } from '../jira-client/set-issue-property';
import type { RiskPropertyValue } from '../jira-client/types';
import type { IssueScope } from './context';
import { getChangePanel } from './get-change-panel';

/**
 * Records the register's assessment of the change on the issue, made again now so the comment says
 * what the register says and a caller cannot put words in the app's mouth. On a service desk
 * request the comment is internal (the platform comment API would make it public, e-mailing the
 * affected services, owners and incident keys to the requester); elsewhere a platform comment. The
 * score and level also go into the `itam-risk` issue property, which JQL searches.
 */
export async function recordAssessment(scope: IssueScope): Promise<RecordedAssessment> {
  const { assessment } = await getChangePanel(scope);
  if (!assessment) throw new ItamForgeError('invalid-input', messages.nothingToRecord);
  const { result, window } = assessment;
  const internal = await isServiceDeskRequest(scope.issue.id);
  const { id } = internal
    ? await addInternalComment(scope.issue.id, assessmentText(result, window))
    : await addComment(scope.issue.id, assessmentComment(result, window));
  const risk: RiskPropertyValue = { score: result.risk.score, level: result.risk.level, assessedAt: scope.now.toISOString() };
  await setIssueProperty(scope.issue.id, RISK_PROPERTY_KEY, risk);
  return { commentId: id, visibility: internal ? 'internal' : 'platform', score: risk.score, level: risk.level };
}
