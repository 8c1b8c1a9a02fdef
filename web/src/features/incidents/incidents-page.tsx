import {
  Anchor,
  Button,
  CloseButton,
  Collapse,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { INCIDENT_SORTS } from "../../../../common/enums";
import { ErrorAlert } from "../../app/error-alert";
import { ListFooter } from "../../app/list-footer";
import { withQuery } from "../../app/api-client";
import { useListState } from "../../app/list-state";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { SearchInput } from "../../app/search-input";
import { useFormat } from "../../app/use-format";
import { usePhone } from "../../app/use-phone";
import { useCurrentUser } from "../auth";
import { useAgencyNamer } from "../agencies";
import { FiltersToggle, IncidentFilterFields, INCIDENT_FILTER_FIELDS } from "./incident-filter-fields";
import { IncidentFormModal } from "./incident-form-modal";
import { ImportIncidentsModal } from "./import-incidents-modal";
import { IncidentStatusBadge, districtName, useTypeNamer } from "./incident-labels";
import { useIncidentList } from "./incidents-queries";

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
  /** An area of the map (west,south,east,north), when the list was opened from a cluster of the map. */
  bbox: string;
  sort: string;
};

/** The map page showing an area of the list's filters: the other filters, the map fitted to the area (`fit`). */
function mapViewOf(filters: Record<string, string>): string {
  const { bbox = "", ...rest } = filters;
  return withQuery("/incidents/map", { ...rest, fit: bbox });
}

/** The incidents list: filters, total, sort and pages; a new incident for those who may record one. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const format = useFormat();
  const navigate = useNavigate();
  const phone = usePhone();
  const nameOf = useAgencyNamer();
  const typeOf = useTypeNamer();
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
    bbox: "",
    sort: "occurred_desc",
  });
  const { data, isPending, error, refetch } = useIncidentList(list.params);
  // The exports hold the rows of the list as filtered (every page, in the list's default order).
  const exportFilters = Object.fromEntries(
    Object.entries(list.filters).filter(([key, value]) => key !== "sort" && value !== ""),
  );
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const select = (
    name: keyof Filters,
    label: string,
    options: { value: string; label: string }[],
    all = true,
  ) => (
    <NativeSelect
      aria-label={label}
      value={list.filters[name]}
      onChange={(e) => list.setFilter(name, e.currentTarget.value)}
      data={all ? [{ value: "", label }, ...options] : options}
      data-testid={`incidents-filter-${name}`}
    />
  );

  const [showFilters, setShowFilters] = useState(false);
  const chosen = INCIDENT_FILTER_FIELDS.filter((name) => list.filters[name] !== "").length;
  const filterFields = (
    <>
      <IncidentFilterFields
        filters={list.filters}
        onChange={(name, value) => list.setFilter(name, value)}
        testIdPrefix="incidents-filter"
      />
      {select(
        "sort",
        t("incidents.sortLabel"),
        INCIDENT_SORTS.map((s) => ({ value: s, label: t(`incidents.sort.${s}`) })),
        false,
      )}
    </>
  );

  return (
    <Stack gap="md">
      <PageHeader
        title={t("incidents.title")}
        actions={
          <>
            {(["csv", "xlsx", "geojson"] as const).map((ext) => (
              <Button
                key={ext}
                component="a"
                variant="default"
                href={withQuery(`/api/v1/incidents/export.${ext}`, exportFilters)}
                data-testid={`incidents-export-${ext}`}
              >
                {t(`incidents.export.${ext}`)}
              </Button>
            ))}
            {me.permissions.includes("incidents.import") ? (
              <Button variant="default" onClick={() => setImporting(true)} data-testid="incident-import">
                {t("incidentImport.open")}
              </Button>
            ) : null}
            {me.permissions.includes("incidents.create") ? (
              <Button onClick={() => setCreating(true)} data-testid="incident-new">
                {t("incidents.new")}
              </Button>
            ) : null}
          </>
        }
      />
      <Group gap="sm" wrap={phone ? "nowrap" : "wrap"} align="flex-end">
        <SearchInput
          placeholder={t("incidents.searchPlaceholder")}
          initial={list.filters.q}
          onSearch={(q) => list.setFilter("q", q)}
        />
        {phone ? (
          // A phone: the filters fold under their button (with how many are chosen), the incidents on the first screen.
          <FiltersToggle
            shown={showFilters}
            onToggle={() => setShowFilters((shown) => !shown)}
            chosen={chosen}
            controls="incidents-filters"
            testId="incidents-filters"
          />
        ) : (
          filterFields
        )}
      </Group>
      {phone ? (
        <Collapse expanded={showFilters} id="incidents-filters">
          <Group gap="sm" wrap="wrap" align="flex-end">
            {filterFields}
          </Group>
        </Collapse>
      ) : null}
      {list.filters.bbox ? (
        <Paper withBorder px="sm" py={4} w="fit-content" data-testid="incidents-filter-bbox">
          <Group gap="xs" wrap="nowrap">
            <Text size="sm">{t("incidents.inMapArea")}</Text>
            <Anchor component={Link} size="sm" to={mapViewOf(exportFilters)}>
              {t("incidents.showOnMap")}
            </Anchor>
            <CloseButton
              size="sm"
              aria-label={t("incidents.clearMapArea")}
              onClick={() => list.setFilter("bbox", "")}
            />
          </Group>
        </Paper>
      ) : null}
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <PageLoader /> : null}
      {data && data.data.length === 0 ? <Text c="dimmed">{t("common.noResults")}</Text> : null}
      {data && data.data.length > 0 && phone ? (
        // A phone: a card per incident (six columns are cut to two at 390 px).
        <Stack gap="xs" data-testid="incident-cards">
          {data.data.map((incident) => (
            <Paper key={incident.id} withBorder p="sm" data-testid="incident-card">
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Anchor component={Link} to={`/incidents/${incident.id}`} fw={600}>
                  {typeOf(incident.typeId)}
                </Anchor>
                <IncidentStatusBadge status={incident.status} />
              </Group>
              <Text size="sm" mt={4}>
                <bdi>{incident.placeName}</bdi>
                {incident.districtPcode ? ` · ${districtName(incident.districtPcode)}` : ""}
              </Text>
              <Group gap="xs" mt={4} wrap="wrap">
                <Text size="xs" c="dimmed">
                  <bdi>{format.date(incident.occurredOn)}</bdi>
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  <bdi>{incident.reference}</bdi>
                </Text>
                <Text size="xs" c="dimmed">
                  <bdi>{nameOf(incident.agencyId)}</bdi>
                </Text>
              </Group>
            </Paper>
          ))}
        </Stack>
      ) : null}
      {data && data.data.length > 0 && !phone ? (
        <Table.ScrollContainer minWidth={900}>
          <Table highlightOnHover verticalSpacing="xs" data-testid="incidents-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("incidents.columns.reference")}</Table.Th>
                <Table.Th>{t("incidents.columns.occurredOn")}</Table.Th>
                <Table.Th>{t("incidents.columns.type")}</Table.Th>
                <Table.Th>{t("incidents.columns.place")}</Table.Th>
                <Table.Th>{t("incidents.columns.agency")}</Table.Th>
                <Table.Th>{t("incidents.columns.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.data.map((incident) => (
                <Table.Tr key={incident.id} data-testid="incident-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/incidents/${incident.id}`} size="sm" ff="monospace">
                      <bdi>{incident.reference}</bdi>
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <bdi>{format.date(incident.occurredOn)}</bdi>
                  </Table.Td>
                  <Table.Td>{typeOf(incident.typeId)}</Table.Td>
                  <Table.Td>
                    <bdi>{incident.placeName}</bdi>
                    {incident.districtPcode ? (
                      <Text size="xs" c="dimmed">
                        {districtName(incident.districtPcode)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <bdi>{nameOf(incident.agencyId)}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td miw={120}>
                    <IncidentStatusBadge status={incident.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {data ? <ListFooter {...data.page} onPage={list.setPage} /> : null}
      {creating ? (
        <IncidentFormModal
          onClose={() => setCreating(false)}
          onSaved={(id) => void navigate(`/incidents/${id}`)}
        />
      ) : null}
      {importing ? <ImportIncidentsModal opened onClose={() => setImporting(false)} /> : null}
    </Stack>
  );
}
