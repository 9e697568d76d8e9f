import type { ChangeImpactResult } from '@itam/common';
import { reachedItems } from './impact-text';

/** An Atlassian Document Format node, as far as the comment uses it. */
export interface AdfNode {
  type: string;
  text?: string;
  marks?: { type: string }[];
  content?: AdfNode[];
}

/** A Jira comment body in Atlassian Document Format. */
export interface AdfDocument {
  version: 1;
  type: 'doc';
  content: AdfNode[];
}

const text = (value: string, strong = false): AdfNode => ({
  type: 'text',
  text: value,
  ...(strong ? { marks: [{ type: 'strong' }] } : {}),
});
const paragraph = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });
const bullets = (items: string[]): AdfNode => ({
  type: 'bulletList',
  content: items.map(item => ({ type: 'listItem', content: [paragraph(text(item))] })),
});

/**
 * The change impact assessment as a Jira comment: the risk score and level, every reason with its
 * points, what the change reaches and how, who to notify, the highest criticality and open
 * incidents.
 */
export function assessmentComment(result: ChangeImpactResult, window: { start: string; end: string }): AdfDocument {
  const { risk } = result;
  const content: AdfNode[] = [
    paragraph(
      text('ITAM change impact assessment: ', true),
      text(`risk ${risk.score}/25 (${risk.level}), impact ${risk.impact} × likelihood ${risk.likelihood}, `),
      text(`for the window ${window.start} to ${window.end}.`),
    ),
    paragraph(text('Why', true)),
    bullets(risk.reasons.map(r => `${r.factor} (+${r.points} ${r.dimension}): ${r.explanation}`)),
  ];
  const reached = reachedItems(result);
  content.push(paragraph(text('Affected services and systems', true)));
  content.push(
    reached.length > 0
      ? bullets(reached.map(item => `${item.label} (${item.kind}): ${item.path}`))
      : paragraph(text('Nothing beyond the linked assets.')),
  );
  const facts = [
    `Owners to notify: ${result.ownersToNotify.length > 0 ? result.ownersToNotify.map(o => o.owner).join(', ') : 'none recorded'}`,
    `Highest criticality: ${result.highestCriticality ? `Tier ${result.highestCriticality.tier}` : 'unknown'}`,
    `Open incidents: ${
      result.openIncidents.length > 0
        ? [...new Set(result.openIncidents.flatMap(i => i.issueKeys))].join(', ')
        : 'none'
    }`,
  ];
  content.push(bullets(facts));
  return { version: 1, type: 'doc', content };
}

/**
 * The same assessment as plain text, for the Jira Service Management request comment API (which
 * takes text, not a document): paragraphs as lines, list items as dashes.
 */
export function assessmentText(result: ChangeImpactResult, window: { start: string; end: string }): string {
  const lines: string[] = [];
  const textOf = (node: AdfNode): string => node.text ?? (node.content ?? []).map(textOf).join('');
  for (const node of assessmentComment(result, window).content) {
    if (node.type === 'bulletList') {
      for (const item of node.content ?? []) lines.push(`- ${textOf(item)}`);
    } else {
      lines.push(textOf(node));
    }
  }
  return lines.join('\n');
}
