import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { User } from "../../../../common/schemas/users";
import { currentLanguage } from "../../app/i18n";
import { StatusActions } from "../../app/status-actions";
import { StatusBadge } from "../../app/status-badge";
import { useFormat } from "../../app/use-format";
import { agencyName, useAgencyLookup } from "../agencies";
import { userHooks } from "./users-queries";

type Props = { users: readonly User[]; onEdit: (user: User) => void; onResetPassword: (user: User) => void };

export function userName(user: User): string {
  return currentLanguage() === "ar" ? user.displayNameAr : user.displayNameEn;
}

export function UsersTable({ users, onEdit, onResetPassword }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const agencies = useAgencyLookup();
  const setActive = userHooks.useSetActive();

  return (
    <Table.ScrollContainer minWidth={880}>
      <Table highlightOnHover verticalSpacing="xs" data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("common.name")}</Table.Th>
            <Table.Th>{t("fields.username")}</Table.Th>
            <Table.Th>{t("fields.agencyId")}</Table.Th>
            <Table.Th>{t("fields.role")}</Table.Th>
            <Table.Th>{t("users.lastLogin")}</Table.Th>
            <Table.Th>{t("fields.status")}</Table.Th>
            <Table.Th>{t("common.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => {
            const agency = agencies.get(user.agencyId);
            const name = userName(user);
            return (
              <Table.Tr key={user.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    <bdi>{name}</bdi>
                  </Text>
                  {user.hasTotp ? (
                    <Badge size="xs" variant="outline" color="teal">
                      {t("users.twoStep")}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    <bdi>{user.username}</bdi>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <bdi>{agency ? agencyName(agency, format.prefs.language) : t("common.none")}</bdi>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`enums.role.${user.role}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                    {user.lastLoginAt ? <bdi>{format.dateTime(user.lastLoginAt)}</bdi> : t("users.never")}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge isActive={user.isActive} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {user.abilities.update ? (
                      <Button size="compact-sm" variant="subtle" onClick={() => onEdit(user)}>
                        {t("common.edit")}
                      </Button>
                    ) : null}
                    {user.abilities.resetPassword ? (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="orange"
                        onClick={() => onResetPassword(user)}
                      >
                        {t("users.resetPassword")}
                      </Button>
                    ) : null}
                    <StatusActions
                      id={user.id}
                      name={name}
                      abilities={user.abilities}
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
