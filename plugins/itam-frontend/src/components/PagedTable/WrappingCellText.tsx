import { Cell, Flex, Link, Text } from '@backstage/ui';

/**
 * A table cell with a title (a link when `href` is given) and a description, like BUI's
 * `CellText`, but wrapping its text instead of cutting it off: for the columns a reader scans
 * (an asset's tag and name, a cost) in tables with many columns, which must stay whole.
 */
export function WrappingCellText(props: {
  title: string;
  description?: string | undefined;
  href?: string | undefined;
  color?: 'secondary' | undefined;
}) {
  const { title, description, href, color } = props;
  return (
    <Cell>
      <Flex direction="column" gap="0" align="start">
        {href ? (
          <Link href={href} variant="body-medium">
            {title}
          </Link>
        ) : (
          <Text as="p" variant="body-medium" {...(color ? { color } : {})}>
            {title}
          </Text>
        )}
        {description && (
          <Text variant="body-medium" color="secondary">
            {description}
          </Text>
        )}
      </Flex>
    </Cell>
  );
}
