import { ActionIcon, Badge, Button, Group, Table, Text } from "@mantine/core";
import type { CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import type { Agency } from "../../../../common/schemas/agencies";
import { districtName } from "../../app/district-name";
import { ChevronDownIcon, ChevronEndIcon } from "../../app/icons";
import { currentLanguage } from "../../app/i18n";
import { StatusActions } from "../../app/status-actions";
import { StatusBadge } from "../../app/status-badge";
import { agencyHooks } from "./agencies-queries";
import { agencyName } from "./agency-name";
import type { TreeRow } from "./build-tree";

type Props = {
  rows: readonly TreeRow[];
  isExpanded: (id: string) => boolean;
  onToggle: (id: string) => void;
  onEdit: (agency: Agency) => void;
};

/** The agency tree as an indented table; actions come from each agency's abilities. */
export function AgencyTree({ rows, isExpanded, onToggle, onEdit }: Props) {
  const { t } = useTranslation();
  const setActive = agencyHooks.useSetActive();
  const language = currentLanguage();

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="xs" data-testid="agency-tree">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("common.name")}</Table.Th>
            <Table.Th>{t("fields.kind")}</Table.Th>
            <Table.Th>{t("fields.code")}</Table.Th>
            <Table.Th>{t("agencies.district")}</Table.Th>
            <Table.Th>{t("fields.status")}</Table.Th>
            <Table.Th>{t("common.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ agency, depth, hasChildren }) => {
            const name = agencyName(agency, language);
            const expanded = isExpanded(agency.id);
            return (
              <Table.Tr key={agency.id} data-agency-code={agency.code}>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <span className="tree-indent" style={{ "--tree-depth": depth } as CSSProperties} />
                    {hasChildren ? (
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        size="sm"
                        onClick={() => onToggle(agency.id)}
                        aria-expanded={expanded}
                        aria-label={expanded ? t("common.collapse") : t("common.expand")}
                      >
                        {expanded ? <ChevronDownIcon /> : <ChevronEndIcon />}
                      </ActionIcon>
                    ) : (
                      <span style={{ inlineSize: 22, flexShrink: 0 }} />
                    )}
                    <Text size="sm" fw={depth === 0 ? 700 : 400} c={agency.isActive ? undefined : "dimmed"}>
                      <bdi>{name}</bdi>
                    </Text>
                    {agency.sensitivity === "restricted" ? (
                      <Badge size="xs" color="orange" variant="light">
                        {t("enums.sensitivity.restricted")}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`enums.agencyKind.${agency.kind}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    <bdi translate="no">{agency.code}</bdi>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{districtName(agency.districtPcode) || t("common.none")}</Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge isActive={agency.isActive} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {agency.abilities.update ? (
                      <Button size="compact-sm" variant="subtle" onClick={() => onEdit(agency)}>
                        {t("common.edit")}
                      </Button>
                    ) : null}
                    <StatusActions
                      id={agency.id}
                      name={name}
                      abilities={agency.abilities}
                      setActive={setActive}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
