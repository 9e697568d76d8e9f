import { useId } from 'react';
import { Flex, Select, Text, TextAreaField, TextField } from '@backstage/ui';

interface FieldProps {
  /** The field's path in the input, e.g. `purchase.currency`; also its form name. */
  name: string;
  label: string;
  description?: string;
  isRequired?: boolean;
  /** The message of the issue found with this field, shown under it. */
  error?: string;
}

/**
 * A text field whose validation message (from the common schemas or the backend) shows under
 * it, marked invalid and announced with it.
 */
export function TextInput(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    placeholder?: string;
    multiline?: boolean;
  },
) {
  const { error, multiline, ...rest } = props;
  const common = {
    ...rest,
    validationBehavior: 'aria' as const,
    validate: () => error ?? null,
  };
  return multiline ? <TextAreaField {...common} rows={3} /> : <TextField {...common} />;
}

/** One choice from a list, with its validation message shown under it. */
export function SelectInput(
  props: FieldProps & {
    value: string | null;
    onChange: (value: string | null) => void;
    options: { id: string; label: string }[];
  },
) {
  const { error, value, onChange, options, ...rest } = props;
  const errorId = useId();
  return (
    <Flex direction="column" gap="1">
      <Select
        {...rest}
        options={options}
        value={value}
        onChange={key => onChange(key === null || key === undefined ? null : String(key))}
        isInvalid={error !== undefined}
        aria-describedby={error !== undefined ? errorId : undefined}
      />
      {error !== undefined && (
        <Text id={errorId} color="danger" variant="body-small">
          {error}
        </Text>
      )}
    </Flex>
  );
}

/**
 * Issues as a map from field path to message, keeping the first message of each field (a zod
 * schema may report a bad date twice: its format, then its calendar).
 */
export function issuesByPath(issues: { path: string; message: string }[]): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const issue of issues) byPath[issue.path] ??= issue.message;
  return byPath;
}
