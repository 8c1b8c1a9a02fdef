import { Anchor, Button, Group, Modal, Paper, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CourseDetail, Nomination } from "../../../../common/schemas/training";
import { ErrorAlert } from "../../app/error-alert";
import { useFormat } from "../../app/use-format";
import { useAgencyNamer } from "../agencies";
import { NominationStatusBadge } from "./training-labels";
import { useDecide, useWithdraw } from "./training-queries";

type Asking = { nomination: Nomination; kind: "decline" | "withdraw" };

/** The nominations the user may see, with the trainer's decisions and the agency's withdrawal. */
export function NominationsTable({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const nameOf = useAgencyNamer();
  const decide = useDecide();
  const withdraw = useWithdraw();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [reason, setReason] = useState("");
  const error = decide.error ?? withdraw.error;
  const confirm = () => {
    if (!asking) return;
    const done = { onSuccess: () => setAsking(null) };
    if (asking.kind === "decline")
      decide.mutate({ id: asking.nomination.id, decision: "decline", reason }, done);
    else withdraw.mutate({ id: asking.nomination.id, reason: reason || null }, done);
  };
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t("trainingPages.nominations")}
      </Title>
      {error && !asking ? <ErrorAlert error={error} /> : null}
      {course.nominations.length === 0 ? <Text c="dimmed">{t("trainingPages.noNominations")}</Text> : null}
      {course.nominations.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" data-testid="nominations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("fields.personId")}</Table.Th>
                <Table.Th>{t("fields.agencyId")}</Table.Th>
                <Table.Th>{t("fields.status")}</Table.Th>
                <Table.Th>{t("fields.outcome")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {course.nominations.map((n) => (
                <Table.Tr key={n.id} data-testid="nomination-row">
                  <Table.Td>
                    <Text size="sm">
                      <bdi>{[n.personRank, n.personName].filter(Boolean).join(" ")}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <bdi>{nameOf(n.agencyId)}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <NominationStatusBadge status={n.status} />
                      {n.waitlistPosition ? (
                        <Text size="xs" c="dimmed">
                          {t("trainingPages.position", { n: format.number(n.waitlistPosition) })}
                        </Text>
                      ) : null}
                    </Group>
                    {n.reason ? (
                      <Text size="xs" c="dimmed">
                        {n.reason}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {n.outcome ? (
                      <Text size="sm">
                        {t(`enums.trainingOutcome.${n.outcome}`)}
                        {n.score !== null ? <bdi>{` (${format.number(n.score)})`}</bdi> : null}
                      </Text>
                    ) : null}
                    {n.certificateId ? (
                      <Anchor
                        href={`/api/v1/certificates/${n.certificateId}/certificate.pdf`}
                        size="xs"
                        data-testid="certificate-download"
                      >
                        {t("trainingPages.certificatePdf")}
                      </Anchor>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {n.abilities.decide && n.status !== "accepted" ? (
                        <>
                          <Button
                            size="compact-sm"
                            onClick={() => decide.mutate({ id: n.id, decision: "accept", reason: null })}
                            data-testid="nomination-accept"
                          >
                            {t("enums.nominationDecision.accept")}
                          </Button>
                          {n.status !== "waitlisted" ? (
                            <Button
                              size="compact-sm"
                              variant="light"
                              color="yellow"
                              onClick={() => decide.mutate({ id: n.id, decision: "waitlist", reason: null })}
                              data-testid="nomination-waitlist"
                            >
                              {t("enums.nominationDecision.waitlist")}
                            </Button>
                          ) : null}
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            onClick={() => setAsking({ nomination: n, kind: "decline" })}
                          >
                            {t("enums.nominationDecision.decline")}
                          </Button>
                        </>
                      ) : null}
                      {n.abilities.withdraw ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="gray"
                          onClick={() => setAsking({ nomination: n, kind: "withdraw" })}
                        >
                          {t("trainingPages.withdraw")}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={
          asking?.kind === "decline" ? t("enums.nominationDecision.decline") : t("trainingPages.withdraw")
        }
        centered
      >
        <Stack>
          {error ? <ErrorAlert error={error} /> : null}
          <Textarea
            label={t("fields.reason")}
            required={asking?.kind === "decline"}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Button color="red" onClick={confirm} loading={decide.isPending || withdraw.isPending}>
            {t("common.confirm")}
          </Button>
        </Stack>
      </Modal>
    </Paper>
  );
}
