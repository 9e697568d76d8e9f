import {
  maturityMeasures,
  summariseMaturityInput,
  type CriterionMeasure,
  type MaturityFacts,
  type MaturityInput,
} from './maturityEvidence';
import {
  MATURITY_CRITERIA,
  MATURITY_LEVELS,
  resolveMaturityModel,
  type MaturityCriterion,
  type MaturityLevel,
  type MaturityModel,
  type MaturityModelOverrides,
  type RequiredMaturityLevel,
} from './maturityModel';

/**
 * A criterion as measured, with what each level asks of it.
 *
 * @public
 */
export interface MaturityCriterionResult {
  criterion: MaturityCriterion;
  name: string;
  value: number | null;
  numerator: number;
  denominator: number;
  /** Why the value is null (nothing to measure), when it is. */
  reason?: string;
  /** The minimum share each level requires; levels that do not require the criterion are absent. */
  thresholds: Partial<Record<RequiredMaturityLevel, number>>;
  /** How many assets (or products) lack the evidence. */
  lackingCount: number;
  /** The first of them by id, at most `maxLacking`. */
  lacking: string[];
}

/**
 * A requirement of the next level that the evidence does not meet yet.
 *
 * @public
 */
export interface MaturityGap {
  criterion: MaturityCriterion;
  name: string;
  measured: number | null;
  threshold: number;
  numerator: number;
  denominator: number;
  /**
   * How many more assets (or products) must gain the evidence to reach the threshold; null when
   * the criterion cannot be measured or is not a count (audit accuracy).
   */
  needed: number | null;
  lackingCount: number;
  /** Some of the assets (or products) lacking the evidence, by id. */
  lacking: string[];
  /** What is missing, in words. */
  message: string;
}

/**
 * The maturity level the evidence supports, and what the next level still needs.
 *
 * @public
 */
export interface MaturityAssessment {
  asOf: string;
  level: MaturityLevel;
  name: string;
  summary: string;
  criteria: MaturityCriterionResult[];
  /** The next level and every unmet requirement of it; null at level 5. */
  next: { level: MaturityLevel; name: string; missing: MaturityGap[] } | null;
}

/**
 * Options of {@link assessItamMaturity}.
 *
 * @public
 */
export interface MaturityOptions {
  /** Changes to {@link DEFAULT_MATURITY_MODEL}. */
  model?: MaturityModelOverrides;
  /** How many lacking ids to list per criterion (default 20); counts are always complete. */
  maxLacking?: number;
}

const CRITERION_NAMES: Record<MaturityCriterion, string> = {
  'owner-coverage': 'Owner coverage',
  'lifecycle-data-completeness': 'Lifecycle data completeness',
  'audit-recency': 'Audit recency',
  'audit-accuracy': 'Audit accuracy',
  'licence-reconciliation-coverage': 'Licence reconciliation coverage',
  'ticket-integration': 'Ticket integration',
  'catalogue-integration': 'Catalogue integration',
};

const ACTIONS: Record<MaturityCriterion, (needed: number, model: MaturityModel) => string> = {
  'owner-coverage': n => `${n} more asset(s) under management need an owner`,
  'lifecycle-data-completeness': n => `${n} more asset(s) under management need every lifecycle date their class requires`,
  'audit-recency': (n, m) => `${n} more asset(s) under management need verifying by an audit within ${m.auditLookbackDays} days`,
  'audit-accuracy': () => 'resolve the not-found and unexpected findings, then audit again',
  'licence-reconciliation-coverage': n => `${n} more product(s) under management need a reconciled licence position`,
  'ticket-integration': n => `${n} more asset(s) in service need a linked Jira ticket`,
  'catalogue-integration': n => `${n} more asset(s) in service need a link to a catalogue entity`,
};

const REQUIRED_LEVELS: readonly RequiredMaturityLevel[] = [2, 3, 4, 5];

/**
 * ITAM maturity level 1–5 (Initial, Repeatable, Defined, Managed, Optimised) from evidence in the
 * register: owner coverage, lifecycle data, audit recency and accuracy, licence reconciliation,
 * ticket and catalogue integration (docs/domain/kpis.md; documented processes are out of reach, so only
 * what the data shows counts). A level is reached when its requirements and those of every level
 * below are met; a criterion that cannot be measured (e.g. no assets) does not meet a requirement.
 *
 * @throws {@link ItamValidationError} for bad evidence or model overrides.
 * @public
 */
export function assessItamMaturity(input: MaturityInput, options: MaturityOptions = {}): MaturityAssessment {
  const model = resolveMaturityModel(options.model);
  return assessMaturityFromFacts(summariseMaturityInput(input, model, lackingLimit(options)), options);
}

const lackingLimit = (options: MaturityOptions) => Math.max(0, Math.floor(options.maxLacking ?? 20));

/**
 * {@link assessItamMaturity} from the evidence already counted ({@link MaturityFacts}, e.g. by a
 * database's aggregate queries, with at least `maxLacking` lacking ids per criterion).
 *
 * @throws {@link ItamValidationError} for bad model overrides.
 * @public
 */
export function assessMaturityFromFacts(facts: MaturityFacts, options: MaturityOptions = {}): MaturityAssessment {
  const model = resolveMaturityModel(options.model);
  const maxLacking = lackingLimit(options);
  const measures = maturityMeasures(facts, model);
  const meets = (level: RequiredMaturityLevel) => gapsOf(level, measures, model, maxLacking).length === 0;

  let level: MaturityLevel = 1;
  for (const candidate of REQUIRED_LEVELS) {
    if (!meets(candidate)) break;
    level = candidate;
  }
  const info = MATURITY_LEVELS[level - 1];
  const nextLevel = level < 5 ? ((level + 1) as RequiredMaturityLevel) : undefined;
  return {
    asOf: facts.asOf,
    level,
    name: info.name,
    summary: info.summary,
    criteria: MATURITY_CRITERIA.map(criterion => {
      const m = measures[criterion];
      const thresholds: Partial<Record<RequiredMaturityLevel, number>> = {};
      for (const l of REQUIRED_LEVELS) {
        const t = model.thresholds[l][criterion];
        if (t !== undefined) thresholds[l] = t;
      }
      return {
        criterion,
        name: CRITERION_NAMES[criterion],
        value: m.value,
        numerator: m.numerator,
        denominator: m.denominator,
        ...(m.reason === undefined ? {} : { reason: m.reason }),
        thresholds,
        lackingCount: m.lackingCount,
        lacking: m.lacking.slice(0, maxLacking),
      };
    }),
    next: nextLevel
      ? {
          level: nextLevel,
          name: MATURITY_LEVELS[nextLevel - 1].name,
          missing: gapsOf(nextLevel, measures, model, maxLacking),
        }
      : null,
  };
}

function gapsOf(
  level: RequiredMaturityLevel,
  measures: Record<MaturityCriterion, CriterionMeasure>,
  model: MaturityModel,
  maxLacking: number,
): MaturityGap[] {
  const gaps: MaturityGap[] = [];
  for (const criterion of MATURITY_CRITERIA) {
    const threshold = model.thresholds[level][criterion];
    if (threshold === undefined) continue;
    const m = measures[criterion];
    if (m.value !== null && m.value >= threshold) continue;
    const name = CRITERION_NAMES[criterion];
    const needed =
      m.value === null || criterion === 'audit-accuracy' ? null : moreNeeded(m.numerator, m.denominator, threshold);
    const message =
      m.value === null
        ? `${name} cannot be measured (${m.reason}); level ${level} needs at least ${percent(threshold)}`
        : `${name} is ${percent(m.value)} (${m.numerator} of ${m.denominator}); level ${level} needs at least ` +
          `${percent(threshold)}: ${ACTIONS[criterion](needed ?? 0, model)}`;
    gaps.push({
      criterion,
      name,
      measured: m.value,
      threshold,
      numerator: m.numerator,
      denominator: m.denominator,
      needed,
      lackingCount: m.lackingCount,
      lacking: m.lacking.slice(0, maxLacking),
      message,
    });
  }
  return gaps;
}

/**
 * The fewest extra items that lift `numerator ÷ denominator` to the threshold, judged with the
 * same division as the level check so the two never disagree (0.8 × 200 is 160.00000000000003).
 */
function moreNeeded(numerator: number, denominator: number, threshold: number): number {
  const met = (x: number) => (numerator + x) / denominator >= threshold;
  const most = denominator - numerator;
  let x = Math.min(most, Math.max(0, Math.ceil(threshold * denominator) - numerator));
  while (x > 0 && met(x - 1)) x--;
  while (x < most && !met(x)) x++;
  return x;
}

function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}
