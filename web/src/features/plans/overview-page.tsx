import { Anchor, Progress, Stack, Table, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { currentLanguage } from "../../app/i18n";
import { PageHeader } from "../../app/page-header";
import { agencyName, useAgencyLookup } from "../agencies";
import { titleIn } from "../tasks/task-title";
import { useOverview } from "./plans-queries";

/** The region at a glance: every active plan's progress, and open / overdue / due-soon tasks per lead agency. */
export function OverviewPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const agencies = useAgencyLookup();
  const { data } = useOverview();
  return (
    <Stack>
      <PageHeader title={t("plans.overviewTitle")} />
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Tbody>
            {(data?.plans ?? []).map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/plans/${p.id}`}>
                    {titleIn(p, language)}
                  </Anchor>
                </Table.Td>
                <Table.Td w={260}>
                  <Progress value={p.progress} size="lg" />
                </Table.Td>
                <Table.Td>
                  <bdi>{p.progress}%</bdi>
                </Table.Td>
                <Table.Td>
                  {t("plans.overdue")}: <bdi>{p.overdueCount}</bdi>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={3}>{t("plans.overdueByAgency")}</Title>
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("tasks.lead")}</Table.Th>
              <Table.Th>{t("plans.open")}</Table.Th>
              <Table.Th>{t("plans.overdue")}</Table.Th>
              <Table.Th>{t("plans.dueSoon")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.overdueByAgency ?? []).map((row) => (
              <Table.Tr key={row.agencyId}>
                <Table.Td>
                  {agencies.get(row.agencyId) ? agencyName(agencies.get(row.agencyId)!, language) : ""}
                </Table.Td>
                <Table.Td>
                  <bdi>{row.open}</bdi>
                </Table.Td>
                <Table.Td>
                  <bdi>{row.overdue}</bdi>
                </Table.Td>
                <Table.Td>
                  <bdi>{row.dueSoon}</bdi>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
