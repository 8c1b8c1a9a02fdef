import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Certificate } from "../../../../common/schemas/training";
import { currentLanguage } from "../../app/i18n";
import { ErrorAlert } from "../../app/error-alert";
import { ListFooter } from "../../app/list-footer";
import { useListState } from "../../app/list-state";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { useFormat } from "../../app/use-format";
import { useAgencyNamer } from "../agencies";
import { TrainingNav } from "./training-nav";
import { useCertificateList, useRevoke } from "./training-queries";

/** Certificates issued: code, holder, course, validity; the PDF in Arabic or English; revocation with a reason. */
export function CertificatesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const nameOf = useAgencyNamer();
  const list = useListState({});
  const { data, isPending, error, refetch } = useCertificateList(list.params);
  const revoke = useRevoke();
  const [revoking, setRevoking] = useState<Certificate | null>(null);
  const [reason, setReason] = useState("");
  const en = currentLanguage() === "en";
  return (
    <Stack gap="md">
      <PageHeader title={t("trainingPages.certificates")} />
      <TrainingNav />
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <PageLoader /> : null}
      {data && data.data.length === 0 ? <Text c="dimmed">{t("common.noResults")}</Text> : null}
      {data && data.data.length > 0 ? (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" data-testid="certificates-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("verify.code")}</Table.Th>
                <Table.Th>{t("verify.name")}</Table.Th>
                <Table.Th>{t("verify.course")}</Table.Th>
                <Table.Th>{t("verify.dates")}</Table.Th>
                <Table.Th>{t("fields.status")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.data.map((c) => (
                <Table.Tr key={c.id} data-testid="certificate-row">
                  <Table.Td>
                    <Text
                      size="xs"
                      ff="monospace"
                      style={{ whiteSpace: "nowrap" }}
                      data-testid="certificate-code"
                    >
                      <bdi>{c.code}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <bdi>{en ? (c.personNameEn ?? c.personNameAr) : c.personNameAr}</bdi>
                    </Text>
                    <Text size="xs" c="dimmed">
                      <bdi>{nameOf(c.agencyId)}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td maw={280}>
                    <Text size="sm">
                      <bdi>{en ? (c.courseTitleEn ?? c.courseTitleAr) : c.courseTitleAr}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                      <bdi>{format.date(c.endsOn)}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={c.valid ? "green" : "red"} variant="light" miw="max-content">
                      {c.valid ? t("verify.valid") : t("verify.notValid")}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Anchor href={`/api/v1/certificates/${c.id}/certificate.pdf?language=ar`} size="xs">
                        {t("trainingPages.pdfAr")}
                      </Anchor>
                      <Anchor href={`/api/v1/certificates/${c.id}/certificate.pdf?language=en`} size="xs">
                        {t("trainingPages.pdfEn")}
                      </Anchor>
                      {c.abilities.revoke ? (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setRevoking(c)}
                          data-testid="certificate-revoke"
                        >
                          {t("trainingPages.revoke")}
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
      {data ? <ListFooter {...data.page} onPage={list.setPage} /> : null}
      <Modal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t("trainingPages.revoke")}
        centered
      >
        <Stack>
          {revoke.error ? <ErrorAlert error={revoke.error} /> : null}
          <Textarea
            label={t("fields.reason")}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="revoke-reason"
          />
          <Button
            color="red"
            loading={revoke.isPending}
            onClick={() =>
              revoking && revoke.mutate({ id: revoking.id, reason }, { onSuccess: () => setRevoking(null) })
            }
            data-testid="revoke-confirm"
          >
            {t("trainingPages.revoke")}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
