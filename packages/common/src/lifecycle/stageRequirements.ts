import { SANITISATION_REQUIRED_FOR } from '../asset/constants';
import type { Asset } from '../asset/types';
import type { RuleViolation } from '../errors';
import type { LifecycleRuleId } from './rules';

/**
 * The facts of an asset that its stage's requirements read.
 *
 * @public
 */
export type StageFacts = Pick<Asset, 'lifecycleStage' | 'owner' | 'dataClassification' | 'sanitisation'>;

/**
 * What the register requires of every asset in a stage, however it got there: created in the
 * stage, moved into it, or edited while in it. The lifecycle guards of a transition
 * (`LIFECYCLE_RULES`) check the same requirements against the asset as it would be after the
 * move; guards about the move itself (the graph, a reason, hardware received before it is
 * deployed, not deploying past end of life) apply to transitions only: registering an existing
 * estate records facts, and an asset already in service past its end of life is a risk finding,
 * not an invalid record.
 *
 * @public
 */
export interface StageRequirement {
  /** The lifecycle guard that enforces it on transitions has the same id. */
  id: LifecycleRuleId;
  /** The field the requirement is about, named in refusals. */
  field: string;
  description: string;
  /** Whether the asset fails the requirement (at `at`, an ISO date-time). */
  violatedBy(asset: StageFacts, at: string): boolean;
  /** Why, for a record that is created or edited in the stage. */
  message(asset: StageFacts): string;
}

/**
 * Every stage requirement, in the order they are reported.
 *
 * @public
 */
export const STAGE_REQUIREMENTS: readonly StageRequirement[] = [
  {
    id: 'deploy-requires-owner',
    field: 'owner',
    description: 'A deployed asset has an accountable owner.',
    violatedBy: asset => asset.lifecycleStage === 'deployed' && !asset.owner,
    message: () => 'A deployed asset needs an owner',
  },
  {
    id: 'dispose-requires-sanitisation',
    field: 'sanitisation',
    description:
      'Media that held confidential or restricted data are sanitised, and that is recorded, before disposal.',
    violatedBy: asset =>
      asset.lifecycleStage === 'disposed' &&
      SANITISATION_REQUIRED_FOR.includes(asset.dataClassification) &&
      !asset.sanitisation,
    message: asset => `A disposed asset that held ${asset.dataClassification} data needs a sanitisation record`,
  },
  {
    id: 'sanitisation-not-in-future',
    field: 'sanitisation',
    description: 'A sanitisation record is not dated in the future.',
    violatedBy: (asset, at) => asset.sanitisation !== undefined && asset.sanitisation.date > at.slice(0, 10),
    message: asset => `The sanitisation is dated ${asset.sanitisation?.date}, in the future`,
  },
];

/**
 * The one decision on whether an asset record may be written in its stage: the requirements of
 * the stage (owner for deployed, sanitisation for disposed data of confidential or restricted
 * class, no sanitisation dated in the future) that `asset` fails.
 *
 * For a new asset (`before` absent) every failed requirement counts, so creating an asset in a
 * stage is held to what moving into that stage needs. For an edit, only requirements that the
 * edit breaks count (`before` met them, or was in another stage): an edit cannot remove what the
 * stage requires, while a record stored before a rule existed can still be corrected field by
 * field. Create and update (`createAsset`, `updateAsset`) refuse with these violations; imports
 * call it to refuse a row.
 *
 * @public
 */
export function checkStageRequirements(
  asset: StageFacts,
  options: { at: string; before?: StageFacts },
): RuleViolation[] {
  const { at, before } = options;
  const violations: RuleViolation[] = [];
  for (const requirement of STAGE_REQUIREMENTS) {
    if (!requirement.violatedBy(asset, at)) continue;
    if (before && before.lifecycleStage === asset.lifecycleStage && requirement.violatedBy(before, at)) continue;
    violations.push({ ruleId: requirement.id, field: requirement.field, message: requirement.message(asset) });
  }
  return violations;
}

/**
 * A stage requirement by id (the transition guards reuse them).
 *
 * @public
 */
export function stageRequirement(id: StageRequirement['id']): StageRequirement {
  const requirement = STAGE_REQUIREMENTS.find(r => r.id === id);
  if (!requirement) throw new Error(`No stage requirement ${id}`);
  return requirement;
}
