import { EmptyState } from '@backstage/core-components';
import { ButtonLink } from '@backstage/ui';

/**
 * The empty state of a path no page of an area answers, with a way back to the area when the
 * app mounts it.
 */
export function ItamNotFound(props: { title: string; back?: { href?: string; label: string } }) {
  const { title, back } = props;
  return (
    <EmptyState
      missing="info"
      title={title}
      action={
        back?.href ? (
          <ButtonLink href={back.href} variant="primary">
            {back.label}
          </ButtonLink>
        ) : undefined
      }
    />
  );
}
