import { useMemo, useState, type MouseEvent } from 'react';
import { EmptyState, Progress } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import MuiLink from '@material-ui/core/Link';
import {
  Alert,
  Button,
  ButtonLink,
  Cell,
  CellText,
  Flex,
  SearchField,
  Select,
  Table,
  Text,
  TextField,
  useTable,
  type ColumnConfig,
} from '@backstage/ui';
import {
  ASSET_CLASSES,
  LIFECYCLE_STAGES,
  itamAssetCreatePermission,
  ownerRefSchema,
  validate,
  type AssetClass,
  type AssetListQuery,
  type LifecycleStage,
  type ListedAsset,
} from '@itam/common';
import { useApi } from '@backstage/core-plugin-api';
import { itamApiRef } from '../../api';
import { useCsvExport, useItamPermission, useItamRoutes } from '../../hooks';
import { todayIso } from '../../utils/assetStatus';
import { ASSET_CLASS_LABELS, LIFECYCLE_STAGE_LABELS } from '../../utils/labels';
import { CriticalityChip, EndOfLifeChip, LifecycleStageChip, WarrantyChip } from '../AssetChips';
import { ItamErrorPanel } from '../ItamErrorPanel';
import { WrappingCellText } from '../PagedTable/WrappingCellText';

/** The register's filters, as the list API takes them. */
type RegisterFilter = Pick<AssetListQuery, 'assetClass' | 'lifecycleStage' | 'type' | 'owner'>;

const ALL = 'all';
const PAGE_SIZE = 25;
const PAGE_SIZES = [25, 50, 100];

const CLASS_OPTIONS = [
  { id: ALL, label: 'All classes' },
  ...ASSET_CLASSES.map(c => ({ id: c, label: ASSET_CLASS_LABELS[c] })),
];
const STAGE_OPTIONS = [
  { id: ALL, label: 'All stages' },
  ...LIFECYCLE_STAGES.map(s => ({ id: s, label: LIFECYCLE_STAGE_LABELS[s] })),
];

/** How many linked entities a register row names before summing up the rest. */
const SHOWN_LINKS = 2;

function LinkedEntitiesCell(props: { asset: ListedAsset }) {
  const links = props.asset.entityLinks ?? [];
  if (links.length === 0) return <CellText title="Not linked" color="secondary" />;
  return (
    <Cell>
      {/* One entity a line: side by side, a second name was cut off at 1440 px. */}
      <Flex direction="column" gap="1" align="start">
        {links.slice(0, SHOWN_LINKS).map(l => (
          <EntityRefLink key={`${l.entityRef}:${l.role}`} entityRef={l.entityRef} />
        ))}
        {links.length > SHOWN_LINKS && <Text color="secondary">+{links.length - SHOWN_LINKS} more</Text>}
      </Flex>
    </Cell>
  );
}

function useColumns(assetLink: ((id: string) => string) | undefined, today: string) {
  return useMemo<ColumnConfig<ListedAsset>[]>(
    () => [
      {
        id: 'tag',
        label: 'Asset',
        isRowHeader: true,
        // The tag and name are what a reader scans for: the widest column, wrapping rather than
        // cut off at 1440 px, as the chips and links beside them do.
        defaultWidth: '2.6fr',
        minWidth: 200,
        cell: a => <WrappingCellText title={a.tag} description={a.name} href={assetLink?.(a.id)} />,
      },
      {
        id: 'class',
        defaultWidth: '1fr',
        label: 'Class',
        cell: a => <WrappingCellText title={ASSET_CLASS_LABELS[a.assetClass]} description={a.type} />,
      },
      {
        id: 'stage',
        defaultWidth: '1.5fr',
        label: 'Lifecycle stage',
        cell: a => (
          <Cell>
            <LifecycleStageChip stage={a.lifecycleStage} />
          </Cell>
        ),
      },
      {
        id: 'owner',
        defaultWidth: '1.2fr',
        label: 'Owner',
        cell: a => (
          <Cell>{a.owner ? <EntityRefLink entityRef={a.owner} /> : <Text>No owner</Text>}</Cell>
        ),
      },
      {
        id: 'links',
        defaultWidth: '1.2fr',
        label: 'Linked to',
        cell: a => <LinkedEntitiesCell asset={a} />,
      },
      {
        id: 'criticality',
        defaultWidth: '1fr',
        label: 'Criticality',
        cell: a => (
          <Cell>
            <CriticalityChip criticality={a.criticality} />
          </Cell>
        ),
      },
      {
        id: 'warranty',
        defaultWidth: '1.1fr',
        label: 'Warranty',
        cell: a => (
          <Cell>
            <WarrantyChip asset={a} today={today} />
          </Cell>
        ),
      },
      {
        id: 'eol',
        defaultWidth: '1.1fr',
        label: 'End of life',
        cell: a => (
          <Cell>
            <EndOfLifeChip asset={a} today={today} />
          </Cell>
        ),
      },
    ],
    [assetLink, today],
  );
}

/**
 * The asset register: every asset, a page at a time from the server (cursor pagination), with
 * what each is linked to in the catalogue, filters for class, lifecycle stage, type and owner, a
 * text search on tag, name and serial number, and an export of what the filters select as CSV.
 */
export function AssetRegisterPage() {
  const api = useApi(itamApiRef);
  const routes = useItamRoutes();
  const canCreate = useItamPermission(itamAssetCreatePermission).allowed;
  const today = todayIso();
  const columns = useColumns(routes.asset, today);

  const { tableProps, filter, search, reload } = useTable<ListedAsset, RegisterFilter>({
    mode: 'cursor',
    initialFilter: {},
    paginationOptions: { pageSize: PAGE_SIZE, pageSizeOptions: PAGE_SIZES },
    getData: async ({ cursor, pageSize, filter: f, search: q }) => {
      const page = await api.listAssets({
        ...f,
        q: q.trim() || undefined,
        include: 'entityLinks',
        limit: pageSize,
        cursor,
      });
      return { data: page.items, nextCursor: page.nextCursor };
    },
  });
  const filters = filter.value ?? {};
  const setFilter = (change: Partial<RegisterFilter>) => filter.onChange({ ...filters, ...change });

  // The type and owner boxes keep what is typed; the filter gets it once it is valid.
  const [typeText, setTypeText] = useState('');
  const [ownerText, setOwnerText] = useState('');
  const [ownerError, setOwnerError] = useState<string>();
  const onOwnerChange = (value: string) => {
    setOwnerText(value);
    if (!value.trim()) {
      setOwnerError(undefined);
      setFilter({ owner: undefined });
      return;
    }
    const result = validate(ownerRefSchema, value);
    if (result.ok) {
      setOwnerError(undefined);
      setFilter({ owner: result.value });
    } else {
      setOwnerError(result.issues[0]?.message);
    }
  };
  const clearFilters = () => {
    setTypeText('');
    setOwnerText('');
    setOwnerError(undefined);
    filter.onChange({});
    search.onChange('');
  };

  const exportQuery: AssetListQuery = { ...filters, q: search.value.trim() || undefined };
  const csv = useCsvExport(exportQuery);
  const onExport = (event: MouseEvent) => {
    event.preventDefault();
    csv.download();
  };

  const filtered =
    Object.values(filters).some(v => v !== undefined) || search.value.trim() !== '';
  const { data, isPending, error } = tableProps;

  let body;
  if (error) {
    body = <ItamErrorPanel error={error} title="Could not load the register" onRetry={reload} />;
  } else if (isPending && !data) {
    body = <Progress />;
  } else if (data && data.length === 0 && !tableProps.isStale) {
    body = filtered ? (
      <EmptyState
        missing="data"
        title="No assets match these filters"
        description="Change or clear the filters and the search to see more of the register."
        action={
          <Button variant="secondary" onPress={clearFilters}>
            Clear filters
          </Button>
        }
      />
    ) : (
      <EmptyState
        missing="content"
        title="The register is empty"
        description="Register hardware, software, cloud resources, information assets and SaaS subscriptions to manage their lifecycle here."
        action={
          canCreate && routes.newAsset ? (
            <ButtonLink href={routes.newAsset} variant="primary">
              Register an asset
            </ButtonLink>
          ) : undefined
        }
      />
    );
  } else {
    body = <Table {...tableProps} columnConfig={columns} />;
  }

  return (
    <Flex direction="column" gap="4">
      <Flex justify="between" align="center">
        <Text as="h2" variant="title-medium">
          Asset register
        </Text>
        <Flex gap="3" align="center">
          {csv.href && (
            <MuiLink href={csv.href} onClick={onExport} aria-busy={csv.downloading}>
              Export CSV
            </MuiLink>
          )}
          {canCreate && routes.newAsset && (
            <ButtonLink href={routes.newAsset} variant="primary">
              New asset
            </ButtonLink>
          )}
        </Flex>
      </Flex>
      {csv.error && (
        <Alert status="danger" title={`The export failed: ${csv.error.message}`} icon />
      )}
      <Flex gap="3" align="start" role="search" aria-label="Filter the register">
        <SearchField
          label="Search"
          placeholder="Tag, name or serial number"
          value={search.value}
          onChange={search.onChange}
        />
        <Select
          label="Class"
          options={CLASS_OPTIONS}
          value={filters.assetClass ?? ALL}
          onChange={key =>
            setFilter({ assetClass: key === ALL || !key ? undefined : (key as AssetClass) })
          }
        />
        <Select
          label="Lifecycle stage"
          options={STAGE_OPTIONS}
          value={filters.lifecycleStage ?? ALL}
          onChange={key =>
            setFilter({
              lifecycleStage: key === ALL || !key ? undefined : (key as LifecycleStage),
            })
          }
        />
        <TextField
          label="Type"
          placeholder="e.g. laptop"
          value={typeText}
          onChange={value => {
            setTypeText(value);
            setFilter({ type: value.trim() || undefined });
          }}
        />
        <TextField
          label="Owner"
          placeholder="e.g. group:default/sre"
          value={ownerText}
          onChange={onOwnerChange}
          validationBehavior="aria"
          validate={() => ownerError ?? null}
        />
      </Flex>
      {body}
    </Flex>
  );
}
