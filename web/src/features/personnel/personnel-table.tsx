import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Person } from "../../../../common/schemas/personnel";
import { StatusActions } from "../../app/status-actions";
import { StatusBadge } from "../../app/status-badge";
import { useFormat } from "../../app/use-format";
import { agencyName, useAgencyLookup } from "../agencies";
import { personName, personPosition } from "./person-name";
import { personnelHooks } from "./personnel-queries";

type Props = { personnel: readonly Person[]; onEdit: (person: Person) => void };

export function PersonnelTable({ personnel, onEdit }: Props) {
  const { t } = useTranslation();
  const { prefs } = useFormat();
  const agencies = useAgencyLookup();
  const setActive = personnelHooks.useSetActive();
  const none = t("common.none");

  return (
    <Table.ScrollContainer minWidth={880}>
      <Table highlightOnHover verticalSpacing="xs" data-testid="personnel-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("common.reference")}</Table.Th>
            <Table.Th>{t("common.name")}</Table.Th>
            <Table.Th>{t("fields.rank")}</Table.Th>
            <Table.Th>{t("personnel.position")}</Table.Th>
            <Table.Th>{t("fields.agencyId")}</Table.Th>
            <Table.Th>{t("fields.serviceNumber")}</Table.Th>
            <Table.Th>{t("fields.status")}</Table.Th>
            <Table.Th>{t("common.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {personnel.map((person) => {
            const agency = agencies.get(person.agencyId);
            const name = personName(person, prefs.language);
            return (
              <Table.Tr key={person.id}>
                <Table.Td>
                  <Text size="xs" ff="monospace" c="dimmed">
                    <bdi>{person.reference}</bdi>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    <bdi>{name}</bdi>
                  </Text>
                  {person.sensitivity === "restricted" ? (
                    <Badge size="xs" color="orange" variant="light">
                      {t("enums.sensitivity.restricted")}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{person.rank ? <bdi>{person.rank}</bdi> : none}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <bdi>{personPosition(person, prefs.language) ?? none}</bdi>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <bdi>{agency ? agencyName(agency, prefs.language) : none}</bdi>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {person.serviceNumber ? <bdi>{person.serviceNumber}</bdi> : none}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge isActive={person.isActive} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {person.abilities.update ? (
                      <Button size="compact-sm" variant="subtle" onClick={() => onEdit(person)}>
                        {t("common.edit")}
                      </Button>
                    ) : null}
                    <StatusActions
                      id={person.id}
                      name={name}
                      abilities={person.abilities}
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
