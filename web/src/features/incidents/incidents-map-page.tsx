import { Anchor, Button, CloseButton, Collapse, Grid, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert } from "../../app/error-alert";
import { ListFooter } from "../../app/list-footer";
import { withQuery } from "../../app/api-client";
import { useListState } from "../../app/list-state";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { SearchInput } from "../../app/search-input";
import { useFormat } from "../../app/use-format";
import { FiltersToggle, IncidentFilterFields, INCIDENT_FILTER_FIELDS } from "./incident-filter-fields";
import { districtName, useTypeNamer } from "./incident-labels";
import { useIncidentList } from "./incidents-queries";
import {
  IncidentMap,
  selectionFilters,
  type MapArea,
  type MapSelection,
  type MapView,
} from "./map/lazy-incident-map";

/**
 * `?at=longitude,latitude,zoom`: where the map looks, kept in the address (a view can be shared or bookmarked);
 * else `?fit=west,south,east,north`: an area the map opens fitted to (the list's area of the map shown on it).
 */
function viewFromAddress(): MapView | MapArea | null {
  const search = new URLSearchParams(window.location.search);
  const numbers = (name: string, length: number) => {
    const found = (search.get(name) ?? "").split(",").map((n) => (n.trim() === "" ? NaN : Number(n)));
    return found.length === length && found.every(Number.isFinite) ? found : null;
  };
  const at = numbers("at", 3);
  if (at) {
    const [longitude, latitude, zoom] = at as [number, number, number];
    return { longitude, latitude, zoom: Math.max(0, Math.min(16, zoom)) };
  }
  const fit = numbers("fit", 4);
  if (!fit) return null;
  const [west, south, east, north] = fit as [number, number, number, number];
  const clamp = (n: number, limit: number) => Math.max(-limit, Math.min(limit, n));
  if (!(west <= east && south <= north)) return null;
  return { area: [clamp(west, 180), clamp(south, 85), clamp(east, 180), clamp(north, 85)] };
}

/** `at` for a view: its centre and zoom, rounded to what a shared address needs. */
const atOf = (view: MapView) =>
  `${view.longitude.toFixed(4)},${view.latitude.toFixed(4)},${Math.round(view.zoom * 100) / 100}`;

type Filters = {
  q: string;
  group: string;
  typeId: string;
  district: string;
  status: string;
  agencyId: string;
  sensitivity: string;
  hasSeizures: string;
  from: string;
  to: string;
};

const nonEmpty = (filters: Record<string, string>) =>
  Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ""));

/**
 * The incidents on Libya's map, with the list's filters: districts coloured by their count, clusters of the visible
 * area; a district or a cluster opens its incidents beside the map, each linking to its page.
 */
export function IncidentsMapPage() {
  const { t } = useTranslation();
  const list = useListState<Filters>({
    q: "",
    group: "",
    typeId: "",
    district: "",
    status: "",
    agencyId: "",
    sensitivity: "",
    hasSeizures: "",
    from: "",
    to: "",
  });
  // The address also holds the map's view (`at`, `fit`), which is no filter.
  const { at: _at, fit: _fit, ...chosen } = list.filters as Filters & { at?: string; fit?: string };
  const filters = nonEmpty(chosen);
  const [selection, setSelection] = useState<MapSelection | null>(null);
  const [initialView] = useState(viewFromAddress);
  // The view in the address as the map moves (the area it was opened fitted to is then this view).
  const [, setSearch] = useSearchParams();
  const keepViewInAddress = (view: MapView) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete("fit");
        next.set("at", atOf(view));
        return next;
      },
      { replace: true },
    );
  // The filters folded under their button, so the map is near the top (a phone's screen is the map's); how many
  // are chosen shows on it.
  const [showFilters, setShowFilters] = useState(false);
  const chosenCount = INCIDENT_FILTER_FIELDS.filter((name) => list.filters[name] !== "").length;
  return (
    <Stack gap="md">
      <PageHeader
        title={t("incidentMap.title")}
        actions={
          <Button component={Link} to={withQuery("/incidents", filters)} variant="default">
            {t("incidentMap.toList")}
          </Button>
        }
      />
      <Group gap="sm" wrap="nowrap" align="flex-end">
        <SearchInput
          placeholder={t("incidents.searchPlaceholder")}
          initial={list.filters.q}
          onSearch={(q) => list.setFilter("q", q)}
        />
        <FiltersToggle
          shown={showFilters}
          onToggle={() => setShowFilters((shown) => !shown)}
          chosen={chosenCount}
          controls="incident-map-filters"
          testId="map-filters"
        />
      </Group>
      <Collapse expanded={showFilters} id="incident-map-filters">
        <Group gap="sm" wrap="wrap" align="flex-end">
          <IncidentFilterFields
            filters={list.filters}
            onChange={(name, value) => list.setFilter(name, value)}
            testIdPrefix="map-filter"
          />
        </Group>
      </Collapse>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: selection ? 8 : 12 }}>
          <Suspense fallback={<PageLoader />}>
            <IncidentMap
              filters={filters}
              onSelect={setSelection}
              height="min(70vh, 640px, 110vw)"
              initialView={initialView}
              onViewChange={keepViewInAddress}
            />
          </Suspense>
        </Grid.Col>
        {selection ? (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <SelectionPanel
              key={JSON.stringify(selection)}
              filters={filters}
              selection={selection}
              onClose={() => setSelection(null)}
            />
          </Grid.Col>
        ) : null}
      </Grid>
    </Stack>
  );
}

/** The incidents of a chosen district or cluster, as the list holds them, each a link to its page. */
function SelectionPanel({
  filters,
  selection,
  onClose,
}: {
  filters: Record<string, string>;
  selection: MapSelection;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const typeOf = useTypeNamer();
  const [page, setPage] = useState(1);
  const where = selectionFilters(selection);
  const { data, error, refetch } = useIncidentList({ ...filters, ...where, page, pageSize: 10 });
  // Beside the map on a wide screen, in view where the map was clicked; under it on a phone, where it is brought
  // into view (below the header) once its incidents are there to be seen: before, the page may be too short.
  const beside = useMediaQuery("(min-width: 62em)", true, { getInitialValueInEffect: false });
  const panel = useRef<HTMLDivElement>(null);
  const loaded = data !== undefined || error !== null;
  useEffect(() => {
    if (loaded && !beside) panel.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  }, [loaded, beside]);
  const title =
    selection.kind === "district"
      ? t("incidentMap.inDistrict", { name: districtName(selection.pcode) })
      : t("incidentMap.inArea");
  return (
    <Paper
      ref={panel}
      withBorder
      p="sm"
      data-testid="map-selection"
      style={{ scrollMarginTop: "calc(var(--app-shell-header-offset, 0px) + 8px)" }}
    >
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <Text fw={600}>{title}</Text>
        <CloseButton aria-label={t("incidentMap.close")} onClick={onClose} />
      </Group>
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {data ? (
        <Stack gap="xs">
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {data.data.map((incident) => (
                <Table.Tr key={incident.id} data-testid="map-selection-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/incidents/${incident.id}`} size="sm" ff="monospace">
                      <bdi>{incident.reference}</bdi>
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {format.date(incident.occurredOn)} · {typeOf(incident.typeId)}
                    </Text>
                    <Text size="xs">
                      <bdi>{incident.placeName}</bdi>
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <ListFooter {...data.page} onPage={setPage} />
          <Anchor
            component={Link}
            to={withQuery("/incidents", { ...filters, ...selectionFilters(selection) })}
            size="sm"
            data-testid="map-open-list"
          >
            {t("incidentMap.openList")}
          </Anchor>
        </Stack>
      ) : null}
    </Paper>
  );
}
