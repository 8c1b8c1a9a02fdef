import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Commitment, MeetingDetail } from "../../../../common/schemas/meetings";
import { useFormat } from "../../app/use-format";
import { useAgencyNamer } from "../agencies";
import { CommitmentActions, CommitmentLinks } from "./commitment-actions";
import { CommitmentStatusBadge, OverdueBadge, Parts } from "./meeting-labels";
import { CommitmentModal } from "./meeting-part-modals";

/** A commitment's owner: the attendee who made it and/or the agency that keeps it. */
export function CommitmentOwner({
  commitment: c,
}: {
  commitment: Pick<Commitment, "ownerName" | "ownerAgencyId">;
}) {
  const nameOf = useAgencyNamer();
  return <Parts parts={[c.ownerName, c.ownerAgencyId ? nameOf(c.ownerAgencyId) : null]} />;
}

/** Where one commitment stands: status, due date, owner, reason, what it became, and the allowed actions. */
export function CommitmentItem({ commitment: c, onEdit }: { commitment: Commitment; onEdit?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="sm" data-testid="commitment-item" data-reference={c.reference}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs">
            <Text size="xs" ff="monospace" c="dimmed">
              <bdi>{c.reference}</bdi>
            </Text>
            <CommitmentStatusBadge status={c.status} testId="commitment-status" />
            {c.isOverdue ? <OverdueBadge /> : null}
            {c.topic ? (
              <Badge size="sm" variant="outline">
                {t(`extraction.topics.${c.topic}`)}
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" data-testid="commitment-text">
            {c.text}
          </Text>
          <Text size="xs" c="dimmed">
            {t("meetings.columns.owner")}: <CommitmentOwner commitment={c} />
            {" · "}
            {t("meetings.columns.dueOn")}: <bdi>{c.dueOn ? format.date(c.dueOn) : "—"}</bdi>
          </Text>
          {c.statusReason ? (
            <Text size="xs">
              {t("meetingPages.reason")}: {c.statusReason}
            </Text>
          ) : null}
          <CommitmentLinks commitment={c} />
        </Stack>
        {onEdit && c.abilities.update ? (
          <Button size="compact-xs" variant="subtle" onClick={onEdit}>
            {t("common.edit")}
          </Button>
        ) : null}
      </Group>
      <CommitmentActions commitment={c} />
    </Paper>
  );
}

export function MeetingCommitments({ meeting: m }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Commitment | "new" | null>(null);
  const commitments = [...m.commitments].sort((a, b) => a.position - b.position);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t("meetings.commitments")}</Title>
        {m.abilities.addCommitment ? (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => setEditing("new")}
            data-testid="commitment-new"
          >
            {t("meetingPages.addCommitment")}
          </Button>
        ) : null}
      </Group>
      {commitments.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("meetingPages.nothingYet")}
        </Text>
      ) : null}
      <Stack gap="xs" data-testid="meeting-commitments">
        {commitments.map((c) => (
          <CommitmentItem key={c.id} commitment={c} onEdit={() => setEditing(c)} />
        ))}
      </Stack>
      {editing ? (
        <CommitmentModal
          meeting={m}
          commitment={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Paper>
  );
}
