import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Menu,
  Paper,
  SimpleGrid,
  Spoiler,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Attendee, MeetingDetail } from "../../../../common/schemas/meetings";
import { ErrorAlert } from "../../app/error-alert";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { useFormat } from "../../app/use-format";
import { useAgencyNamer } from "../agencies";
import { MeetingCommitments } from "./meeting-commitments";
import { MeetingEditModal } from "./meeting-edit-modal";
import { MeetingHonours } from "./meeting-honours";
import { districtName, meetingTitle, Parts } from "./meeting-labels";
import { AttendeeModal, RemovePartModal, StatementModal } from "./meeting-part-modals";
import { attendeeLine, groupBySpeaker, placeParts } from "./meeting-view";
import { meetingUrls, useMeeting } from "./meetings-queries";
import { PressReleaseModal } from "./press-release-modal";
import { SharesLine } from "../sharing";

/** One meeting: who met where and when, what each said, where each commitment stands, honours, downloads. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const format = useFormat();
  const { data: meeting, isPending, error, refetch } = useMeeting(id);
  const [editing, setEditing] = useState(false);
  const [pressRelease, setPressRelease] = useState(false);
  if (isPending) return <PageLoader />;
  if (error || !meeting) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  const title = meetingTitle(meeting, format.prefs.language);
  return (
    <Stack gap="md">
      <PageHeader
        title={title}
        actions={
          <>
            <Downloads meeting={meeting} onPressRelease={() => setPressRelease(true)} />
            {meeting.abilities.update ? (
              <Button variant="light" onClick={() => setEditing(true)} data-testid="meeting-edit">
                {t("common.edit")}
              </Button>
            ) : null}
          </>
        }
      />
      <SharesLine
        entity="meetings"
        id={meeting.id}
        ownerAgencyId={meeting.agencyId}
        restricted={meeting.sensitivity === "restricted"}
      />
      <Anchor component={Link} to="/meetings" size="sm">
        {t("meetingPages.back")}
      </Anchor>
      <MeetingSummary meeting={meeting} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <MeetingAttendees meeting={meeting} />
        <MeetingAgenda meeting={meeting} />
      </SimpleGrid>
      <MeetingStatements meeting={meeting} />
      <MeetingCommitments meeting={meeting} />
      <MeetingHonours meeting={meeting} />
      {meeting.sourceText ? (
        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t("meetingPages.source")}
          </Title>
          <Spoiler maxHeight={90} showLabel={t("common.expand")} hideLabel={t("common.collapse")}>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }} dir="rtl" data-testid="meeting-source">
              {meeting.sourceText}
            </Text>
          </Spoiler>
        </Paper>
      ) : null}
      {editing ? <MeetingEditModal meeting={meeting} onClose={() => setEditing(false)} /> : null}
      {pressRelease ? <PressReleaseModal meeting={meeting} onClose={() => setPressRelease(false)} /> : null}
    </Stack>
  );
}

function Downloads({ meeting, onPressRelease }: { meeting: MeetingDetail; onPressRelease: () => void }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" data-testid="meeting-downloads">
          {t("meetingPages.downloads")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          component="a"
          href={meetingUrls.minutesXlsx(meeting.id)}
          data-testid="meeting-minutes-xlsx"
        >
          {t("meetingPages.minutesXlsx")}
        </Menu.Item>
        <Menu.Item component="a" href={meetingUrls.minutesPdf(meeting.id)} data-testid="meeting-minutes-pdf">
          {t("meetingPages.minutesPdf")}
        </Menu.Item>
        <Menu.Item component="a" href={meetingUrls.meetingIcs(meeting.id)} data-testid="meeting-ics">
          {t("meetingPages.addToCalendar")}
        </Menu.Item>
        <Menu.Item onClick={onPressRelease} data-testid="meeting-press-release">
          {t("meetingPages.pressRelease")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function Figure({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={500} size="sm" data-testid={testId} component="div">
        {children}
      </Text>
    </div>
  );
}

function MeetingSummary({ meeting: m }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const nameOf = useAgencyNamer();
  const place = placeParts(districtName(m.districtPcode, format.prefs.language), m.placeText);
  return (
    <Paper withBorder p="md">
      <Group mb="sm" gap="sm">
        <Text ff="monospace" c="dimmed" size="sm" data-testid="meeting-reference">
          <bdi>{m.reference}</bdi>
        </Text>
        {m.sensitivity === "restricted" ? (
          <Badge color="red" variant="light">
            {t("enums.sensitivity.restricted")}
          </Badge>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Figure label={t("meetings.date")} testId="meeting-date">
          <bdi>{format.dateTime(m.startsAt)}</bdi>
          {m.endsAt ? (
            <>
              {" – "}
              <bdi>{format.dateTime(m.endsAt)}</bdi>
            </>
          ) : null}
        </Figure>
        <Figure label={t("meetings.place")}>
          <Parts parts={place} />
        </Figure>
        <Figure label={t("meetings.host")} testId="meeting-host-name">
          <bdi>{m.hostName ?? "—"}</bdi>
          {m.hostAgencyId ? (
            <Text size="xs" c="dimmed">
              <bdi>{nameOf(m.hostAgencyId)}</bdi>
            </Text>
          ) : null}
        </Figure>
        <Figure label={t("meetings.agency")}>
          <bdi>{nameOf(m.agencyId)}</bdi>
        </Figure>
      </SimpleGrid>
      {m.summary ? (
        <Text mt="sm" size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {m.summary}
        </Text>
      ) : null}
    </Paper>
  );
}

function MeetingAttendees({ meeting: m }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const nameOf = useAgencyNamer();
  const [editing, setEditing] = useState<Attendee | "new" | null>(null);
  const [removing, setRemoving] = useState<Attendee | null>(null);
  const attendees = [...m.attendees].sort(
    (a, b) => Number(b.role === "host") - Number(a.role === "host") || a.position - b.position,
  );
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>
          {t("meetings.attendees")}{" "}
          <Text span c="dimmed" size="sm">
            (<bdi>{m.attendees.length}</bdi>)
          </Text>
        </Title>
        {m.abilities.update ? (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => setEditing("new")}
            data-testid="attendee-new"
          >
            {t("meetingPages.addAttendee")}
          </Button>
        ) : null}
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={4} data-testid="meeting-attendees">
          <Table.Tbody>
            {attendees.map((a) => (
              <Table.Tr key={a.id} data-testid="meeting-attendee">
                <Table.Td>
                  <Text size="sm" fw={a.role === "host" ? 700 : undefined}>
                    <bdi>{attendeeLine(a)}</bdi>
                  </Text>
                  <Group gap={4} mt={2}>
                    {a.role === "host" ? (
                      <Badge size="xs" variant="light">
                        {t("enums.attendeeRole.host")}
                      </Badge>
                    ) : null}
                    <Badge
                      size="xs"
                      variant="outline"
                      color={a.personnelId ? "green" : "gray"}
                      data-testid="attendee-kind"
                    >
                      {a.personnelId ? t("meetingPages.linked") : t("meetingPages.guest")}
                    </Badge>
                    {a.affiliation || a.agencyId ? (
                      <Text size="xs" c="dimmed">
                        <bdi>{a.affiliation ?? nameOf(a.agencyId)}</bdi>
                      </Text>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td w={1}>
                  {m.abilities.update ? (
                    <Group gap={0} wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing(a)}>
                        {t("common.edit")}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setRemoving(a)}
                        data-testid="attendee-remove"
                      >
                        {t("meetingPages.remove")}
                      </Button>
                    </Group>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing ? (
        <AttendeeModal
          meetingId={m.id}
          attendee={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {removing ? (
        <RemovePartModal
          meeting={m}
          part="attendees"
          partId={removing.id}
          label={attendeeLine(removing)}
          onClose={() => setRemoving(null)}
        />
      ) : null}
    </Paper>
  );
}

function MeetingAgenda({ meeting: m }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t("meetings.agenda")}
      </Title>
      {m.agenda.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("meetingPages.nothingYet")}
        </Text>
      ) : (
        <List type="ordered" size="sm" spacing={4} data-testid="meeting-agenda">
          {[...m.agenda]
            .sort((a, b) => a.position - b.position)
            .map((a) => (
              <List.Item key={a.id}>{a.text}</List.Item>
            ))}
        </List>
      )}
    </Paper>
  );
}

function MeetingStatements({ meeting: m }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<MeetingDetail["statements"][number] | null>(null);
  const [removing, setRemoving] = useState<MeetingDetail["statements"][number] | null>(null);
  const speakers = new Map(m.attendees.map((a) => [a.id, a]));
  const groups = groupBySpeaker(m.statements);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t("meetings.statements")}</Title>
        {m.abilities.update ? (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => setAdding(true)}
            data-testid="statement-new"
          >
            {t("meetingPages.addStatement")}
          </Button>
        ) : null}
      </Group>
      {groups.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("meetingPages.nothingYet")}
        </Text>
      ) : null}
      <Stack gap="sm" data-testid="meeting-statements">
        {groups.map((g) => {
          const speaker = g.speakerId ? speakers.get(g.speakerId) : undefined;
          return (
            <div key={g.speakerId ?? "unknown"} data-testid="statement-group">
              <Text fw={700} size="sm">
                <bdi>{speaker ? attendeeLine(speaker) : t("meetings.unknownPerson")}</bdi>
              </Text>
              <List size="sm" spacing={4}>
                {g.statements.map((s) => (
                  <List.Item key={s.id}>
                    {s.topic ? (
                      <Badge size="xs" variant="light" me={6}>
                        {s.topic}
                      </Badge>
                    ) : null}
                    {s.text}
                    {m.abilities.update ? (
                      <>
                        <Button size="compact-xs" variant="subtle" ms={6} onClick={() => setEditing(s)}>
                          {t("common.edit")}
                        </Button>
                        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(s)}>
                          {t("meetingPages.remove")}
                        </Button>
                      </>
                    ) : null}
                  </List.Item>
                ))}
              </List>
            </div>
          );
        })}
      </Stack>
      {adding || editing ? (
        <StatementModal
          meeting={m}
          statement={editing}
          onClose={() => {
            setAdding(false);
            setEditing(null);
          }}
        />
      ) : null}
      {removing ? (
        <RemovePartModal
          meeting={m}
          part="statements"
          partId={removing.id}
          label={removing.text.length > 60 ? `${removing.text.slice(0, 59)}…` : removing.text}
          onClose={() => setRemoving(null)}
        />
      ) : null}
    </Paper>
  );
}
