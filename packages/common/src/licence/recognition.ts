import { RE2JS } from 're2js';
import { z } from 'zod';
import { safeText } from '../text/safeText';

/** Longest pattern accepted: rules are matched against every discovered installation. */
const MAX_PATTERN_LENGTH = 200;

/** Whether a name pattern is a regular expression (`/…/`) rather than a substring. */
function isRegexPattern(pattern: string): boolean {
  return pattern.length >= 3 && pattern.startsWith('/') && pattern.endsWith('/');
}

/**
 * Compiles a `/…/` pattern's body for RE2JS, a linear-time engine (RE2's syntax: no
 * backreferences, no lookaround): matching takes time proportional to the name's length
 * whatever the pattern, so a rule like `/^(a+)+$/` cannot stall the reconciliation
 * (catastrophic backtracking in JavaScript's own engine).
 */
function compileRegex(body: string): RE2JS {
  return RE2JS.compile(body, RE2JS.CASE_INSENSITIVE);
}

/**
 * A recognition rule maps raw discovered software to a normalised product. `namePattern` is a
 * case-insensitive substring of the discovered name, or a regular expression (matched
 * case-insensitively) when wrapped in slashes, e.g. `/^microsoft sql server 2022 \(64-bit\)$/`,
 * in RE2 syntax and run on a linear-time engine (re2js), so no pattern can backtrack
 * catastrophically.
 * `publisher`, when given, must be a case-insensitive substring of the discovered publisher (an
 * installation without a publisher does not match it).
 *
 * @public
 */
export const recognitionRuleSchema = z
  .object({
    publisher: safeText(z.string().trim().min(1, 'must not be empty').max(200)).optional(),
    namePattern: z
      .string({ required_error: 'is required' })
      .trim()
      .min(1, 'must not be empty')
      .max(MAX_PATTERN_LENGTH, `must be at most ${MAX_PATTERN_LENGTH} characters`)
      .superRefine((pattern, ctx) => {
        if (!isRegexPattern(pattern)) return;
        try {
          compileRegex(pattern.slice(1, -1));
        } catch (error) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: `is not a regular expression the linear-time (RE2) syntax accepts: ${(error as Error).message}`,
          });
        }
      }),
  })
  .strict();

/** @public */
export type RecognitionRule = z.output<typeof recognitionRuleSchema>;

/**
 * A product with the rules that recognise it.
 *
 * @public
 */
export interface RecognisableProduct {
  id: string;
  recognition?: readonly RecognitionRule[];
}

/**
 * Software as a discovery tool reported it.
 *
 * @public
 */
export interface DiscoveredSoftware {
  productName: string;
  publisher?: string | null;
}

interface CompiledRule {
  productId: string;
  publisher?: string;
  matchName: (name: string) => boolean;
  /** Higher is more specific: a publisher constraint, then the longer pattern, wins. */
  specificity: [number, number];
}

function compile(productId: string, rule: RecognitionRule): CompiledRule {
  const pattern = rule.namePattern.trim();
  let matchName: (name: string) => boolean;
  if (isRegexPattern(pattern)) {
    let regex: RE2JS | undefined;
    try {
      regex = compileRegex(pattern.slice(1, -1));
    } catch {
      // Stored before the rules ran on RE2 (JavaScript-only syntax such as lookaround): such a
      // rule recognises nothing rather than stopping every reconciliation.
      regex = undefined;
    }
    matchName = name => regex !== undefined && regex.test(name);
  } else {
    const needle = pattern.toLowerCase();
    matchName = name => name.toLowerCase().includes(needle);
  }
  return {
    productId,
    ...(rule.publisher ? { publisher: rule.publisher.trim().toLowerCase() } : {}),
    matchName,
    specificity: [rule.publisher ? 1 : 0, pattern.length],
  };
}

/**
 * Compiles the recognition rules of some products into a matcher that names the product a piece
 * of discovered software is, or `undefined` when no rule matches. When several products' rules
 * match, the most specific rule wins: one with a publisher over one without, then the longer
 * pattern, then the product with the smaller id; so the result never depends on input order.
 *
 * A stored `/regex/` pattern that does not compile (rules that passed
 * {@link recognitionRuleSchema} always do) matches nothing.
 *
 * @public
 */
export function compileRecognition(
  products: readonly RecognisableProduct[],
): (software: DiscoveredSoftware) => string | undefined {
  const rules = products
    .flatMap(p => (p.recognition ?? []).map(r => compile(p.id, r)))
    .sort(
      (a, b) =>
        b.specificity[0] - a.specificity[0] ||
        b.specificity[1] - a.specificity[1] ||
        (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0),
    );
  return software => {
    const publisher = software.publisher?.toLowerCase();
    for (const rule of rules) {
      if (rule.publisher !== undefined && !publisher?.includes(rule.publisher)) continue;
      if (rule.matchName(software.productName)) return rule.productId;
    }
    return undefined;
  };
}
