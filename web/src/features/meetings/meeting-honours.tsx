import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Honour, MeetingDetail } from "../../../../common/schemas/meetings";
import { useFormat } from "../../app/use-format";
import { HonourModal } from "./meeting-part-modals";
import { meetingUrls } from "./meetings-queries";

/** Downloads the Arabic certificate of appreciation of one honour. */
export function CertificateButton({ honour }: { honour: Honour }) {
  const { t } = useTranslation();
  return (
    <Button
      component="a"
      href={meetingUrls.certificatePdf(honour.id)}
      size="compact-xs"
      variant="light"
      data-testid="honour-certificate"
    >
      {t("meetingPages.certificate")}
    </Button>
  );
}

/** Recipient as recorded, with the title they were given. */
export function recipientLine(h: Pick<Honour, "recipientName" | "recipientTitle">): string {
  return [h.recipientTitle, h.recipientName].filter(Boolean).join(" ");
}

export function MeetingHonours({ meeting: m }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [adding, setAdding] = useState(false);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t("meetings.honours")}</Title>
        {m.abilities.addHonour ? (
          <Button size="compact-sm" variant="light" onClick={() => setAdding(true)} data-testid="honour-new">
            {t("meetingPages.addHonour")}
          </Button>
        ) : null}
      </Group>
      {m.honours.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("meetingPages.nothingYet")}
        </Text>
      ) : null}
      <Stack gap="xs" data-testid="meeting-honours">
        {m.honours.map((h) => (
          <Paper key={h.id} withBorder p="sm" data-testid="meeting-honour">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2}>
                <Group gap="xs">
                  <Badge variant="light" color="teal">
                    {t(`enums.honourKind.${h.kind}`)}
                  </Badge>
                  <Text fw={600} size="sm">
                    <bdi>{h.title}</bdi>
                  </Text>
                </Group>
                <Text size="sm">
                  {t("meetings.columns.recipient")}: <bdi>{recipientLine(h)}</bdi>
                </Text>
                {h.giverName ? (
                  <Text size="xs" c="dimmed">
                    {t("meetings.columns.giver")}: <bdi>{h.giverName}</bdi>
                  </Text>
                ) : null}
                {h.reason ? (
                  <Text size="xs" c="dimmed">
                    {t("meetings.columns.reason")}: {h.reason}
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed">
                  <bdi>{format.date(h.awardedOn)}</bdi>
                </Text>
              </Stack>
              <CertificateButton honour={h} />
            </Group>
          </Paper>
        ))}
      </Stack>
      {adding ? <HonourModal meeting={m} onClose={() => setAdding(false)} /> : null}
    </Paper>
  );
}
