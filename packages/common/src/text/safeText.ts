import type { z } from 'zod';

/**
 * Why {@link isSafeText} refused a string, as a schema message.
 *
 * @public
 */
export const UNSAFE_TEXT_MESSAGE = 'must not contain NUL characters or unpaired UTF-16 surrogates';

// String.prototype.isWellFormed is ES2024 (Node 20+, current browsers); the library is ES2022.
type WellFormed = { isWellFormed?: () => boolean };
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether a string can be stored and shown as text: no NUL character (PostgreSQL refuses it in
 * text columns, and C strings end at it) and no unpaired UTF-16 surrogate (which is not a
 * character: UTF-8 cannot encode it, so it would be stored as U+FFFD and read back changed).
 *
 * @public
 */
export function isSafeText(value: string): boolean {
  if (value.includes('\u0000')) return false;
  const wellFormed = (value as unknown as WellFormed).isWellFormed;
  return wellFormed ? wellFormed.call(value) : !LONE_SURROGATE.test(value);
}

/**
 * Adds the {@link isSafeText} check to a string schema (after its own checks and trimming), so
 * every text field of the API refuses NUL and unpaired surrogates with a 400 naming the field.
 *
 * @public
 */
export function safeText<T extends z.ZodTypeAny>(schema: T): z.ZodEffects<T, z.output<T>, z.input<T>> {
  return schema.refine(
    (value: unknown) => typeof value !== 'string' || isSafeText(value),
    UNSAFE_TEXT_MESSAGE,
  ) as z.ZodEffects<T, z.output<T>, z.input<T>>;
}
