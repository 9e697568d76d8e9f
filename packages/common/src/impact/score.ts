import type { Criticality } from '../asset/constants';
import type { ChangeImpactOptions } from './options';
import { changeRiskLevel } from './riskLevel';
import { listSome } from './text';
import type { ChangeRiskAssessment, ChangeRiskReason, ChangeWindowInput } from './types';

/**
 * What the score is computed from, already gathered from the walk.
 *
 * @public
 */
export interface ChangeRiskFacts {
  /** Items named on the change and found in the graph. */
  namedCount: number;
  /** Items reached beyond the named ones. */
  reachedCount: number;
  /** Most critical tier among named and reached items, with labels of the items having it. */
  highestCriticality?: { tier: Criticality; labels: readonly string[] };
  /** Open incidents on named and reached assets. */
  openIncidents: readonly { assetLabel: string; issueKeys: readonly string[] }[];
  /** Sentences from {@link assetLifecycleConcerns} for named and reached assets. */
  lifecycleConcerns: readonly string[];
  window: ChangeWindowInput;
}

/**
 * Scores a change as impact × likelihood on 1–25, with every contributing reason.
 *
 * Impact (1–5) = 1 baseline + criticality (tier 1: 2, tier 2: 1) + breadth (items reached beyond
 * those named: `breadth.wideAt` or more: 1, `breadth.veryWideAt` or more: 2).
 * Likelihood (1–5) = 1 baseline + incident history (open incidents on affected assets: 1, from
 * `manyIncidentsAt`: 2) + lifecycle (an affected asset in maintenance or past or near end of
 * life or support: 1) + change window (not stated to be inside an agreed maintenance window: 1).
 *
 * Each dimension is exactly the sum of its reasons' points and the score exactly their product;
 * no hidden weights or caps, so the UI can show the arithmetic.
 *
 * @public
 */
export function scoreChangeRisk(facts: ChangeRiskFacts, options: ChangeImpactOptions): ChangeRiskAssessment {
  const reasons: ChangeRiskReason[] = [
    {
      factor: 'baseline',
      dimension: 'impact',
      points: 1,
      explanation: 'Any change can disrupt what it touches.',
    },
  ];
  const add = (reason: ChangeRiskReason) => {
    if (reason.points > 0) reasons.push(reason);
  };

  const top = facts.highestCriticality;
  if (top) {
    add({
      factor: 'criticality',
      dimension: 'impact',
      points: top.tier === 1 ? 2 : top.tier === 2 ? 1 : 0,
      explanation: `The most critical item affected is tier ${top.tier}: ${listSome(top.labels)}.`,
    });
  }

  const { wideAt, veryWideAt } = options.breadth;
  add({
    factor: 'breadth',
    dimension: 'impact',
    points: facts.reachedCount >= veryWideAt ? 2 : facts.reachedCount >= wideAt ? 1 : 0,
    explanation: `${facts.reachedCount} items are affected beyond the ${facts.namedCount} named on the change (${wideAt} or more add 1 point, ${veryWideAt} or more add 2).`,
  });

  reasons.push({
    factor: 'baseline',
    dimension: 'likelihood',
    points: 1,
    explanation: 'Any change can fail.',
  });

  const incidentKeys = facts.openIncidents.flatMap(i => i.issueKeys);
  add({
    factor: 'incident-history',
    dimension: 'likelihood',
    points: incidentKeys.length >= options.manyIncidentsAt ? 2 : incidentKeys.length > 0 ? 1 : 0,
    explanation: `${incidentKeys.length} open ${incidentKeys.length === 1 ? 'incident' : 'incidents'} on ${facts.openIncidents.length} affected ${facts.openIncidents.length === 1 ? 'asset' : 'assets'}: ${listSome(
      facts.openIncidents.map(i => `${i.assetLabel} (${i.issueKeys.join(', ')})`),
    )} (${options.manyIncidentsAt} or more add 2 points).`,
  });

  add({
    factor: 'lifecycle',
    dimension: 'likelihood',
    points: facts.lifecycleConcerns.length > 0 ? 1 : 0,
    explanation: `Affected assets are in maintenance or near or past end of life or support: ${listSome(facts.lifecycleConcerns)}.`,
  });

  const w = facts.window;
  add({
    factor: 'change-window',
    dimension: 'likelihood',
    points: w.inMaintenanceWindow === true ? 0 : 1,
    explanation:
      w.inMaintenanceWindow === false
        ? `The change window ${w.start} – ${w.end} is outside an agreed maintenance window.`
        : `The change window ${w.start} – ${w.end} is not stated to be inside an agreed maintenance window, so it is scored as outside.`,
  });

  const sum = (dimension: ChangeRiskReason['dimension']) =>
    reasons.filter(r => r.dimension === dimension).reduce((total, r) => total + r.points, 0);
  const impact = sum('impact');
  const likelihood = sum('likelihood');
  const score = impact * likelihood;
  return { score, level: changeRiskLevel(score), impact, likelihood, reasons };
}
