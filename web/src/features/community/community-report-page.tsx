import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { COMMUNITY_OUTCOMES } from "../../../../common/enums";
import { townByPcode } from "../../../../common/towns";
import { ErrorAlert } from "../../app/error-alert";
import { currentLanguage } from "../../app/i18n";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { useFormat } from "../../app/use-format";
import { AgencySelect, useAgencyNamer } from "../agencies";
import { typeName, useIncidentTypes } from "../incidents";
import { CommunityStatusBadge, districtLabel } from "./community-inbox-page";
import {
  useCommunityAction,
  useCommunityReport,
  useCommunityReports,
  type CommunityDetail,
} from "./community-queries";

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={500} component="div">
        {children}
      </Text>
    </div>
  );
}

/** One community report: the resident's words as sent, and the actions the server allows the user. */
export function CommunityReportPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { data: report, isPending, error, refetch } = useCommunityReport(id);
  const action = useCommunityAction();
  if (isPending) return <PageLoader />;
  if (error || !report) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  const run = (name: string, body: unknown, done?: () => void) =>
    action.mutate({ id: report.id, action: name, body }, { onSuccess: () => done?.() });
  return (
    <Stack gap="md">
      <PageHeader title={report.reference} />
      <Anchor component={Link} to="/community" size="sm">
        {t("community.title")}
      </Anchor>
      <Summary report={report} />
      {action.error ? <ErrorAlert error={action.error} /> : null}
      <Actions report={report} run={run} pending={action.isPending} />
      <Messages report={report} />
    </Stack>
  );
}

function Summary({ report }: { report: CommunityDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const agency = useAgencyNamer();
  const town = report.townPcode ? townByPcode(report.townPcode) : undefined;
  const place = [
    districtLabel(report.districtPcode),
    town && (currentLanguage() === "en" ? town.nameEn : town.nameAr),
  ]
    .filter(Boolean)
    .join(" — ");
  return (
    <Paper withBorder p="md">
      <Group mb="sm" gap="sm">
        <Text fw={600}>{t(`enums.communityCategory.${report.category}`)}</Text>
        <CommunityStatusBadge status={report.status} />
        {report.outcome ? <Text size="sm">{t(`enums.communityOutcome.${report.outcome}`)}</Text> : null}
      </Group>
      <Text size="xs" c="dimmed">
        {t("community.text")}
      </Text>
      <Text
        size="md"
        mb="sm"
        style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
        data-testid="community-text"
      >
        {report.text}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }}>
        <Figure label={t("community.where")}>{place}</Figure>
        <Figure label={t("fields.when")}>{t(`enums.communityWhen.${report.when}`)}</Figure>
        <Figure label={t("community.received")}>
          <bdi>{format.dateTime(report.createdAt)}</bdi>
        </Figure>
        {report.latitude !== null && report.longitude !== null ? (
          <Figure label={t("community.pin")}>
            <bdi>{`${report.latitude.toFixed(2)}, ${report.longitude.toFixed(2)}`}</bdi>
          </Figure>
        ) : null}
        <Figure label={t("community.receiving")}>
          {report.receivingAgencyId ? agency(report.receivingAgencyId) : "—"}
        </Figure>
        <Figure label={t("community.assigned")}>
          <span data-testid="community-assigned">
            {report.assignedAgencyId ? agency(report.assignedAgencyId) : "—"}
          </span>
        </Figure>
        <Figure label={t("fields.contact")}>
          {report.contact ? (
            <bdi data-testid="community-contact">{report.contact}</bdi>
          ) : (
            <Text size="sm" c="dimmed">
              {report.hasContact ? t("community.contactHidden") : t("community.noContact")}
            </Text>
          )}
        </Figure>
        {report.similarToId && report.similarToReference ? (
          <Figure label={t("community.similarTo")}>
            <Anchor component={Link} to={`/community/${report.similarToId}`}>
              <bdi>{report.similarToReference}</bdi>
            </Anchor>
          </Figure>
        ) : null}
        {report.duplicateOfId && report.duplicateOfReference ? (
          <Figure label={t("community.duplicateOf")}>
            <Anchor component={Link} to={`/community/${report.duplicateOfId}`}>
              <bdi>{report.duplicateOfReference}</bdi>
            </Anchor>
          </Figure>
        ) : null}
        {report.incidentId && report.incidentReference ? (
          <Figure label={t("community.incident")}>
            <Anchor component={Link} to={`/incidents/${report.incidentId}`} data-testid="community-incident">
              <bdi>{report.incidentReference}</bdi>
            </Anchor>
          </Figure>
        ) : null}
      </SimpleGrid>
    </Paper>
  );
}

type Run = (action: string, body: unknown, done?: () => void) => void;

function Actions({ report, run, pending }: { report: CommunityDetail; run: Run; pending: boolean }) {
  const { t } = useTranslation();
  const can = report.can;
  const [agencyId, setAgencyId] = useState<string | null>(
    report.assignedAgencyId ?? report.receivingAgencyId,
  );
  const [reply, setReply] = useState("");
  const [note, setNote] = useState("");
  const [typeId, setTypeId] = useState("");
  const [outcome, setOutcome] = useState<string>(COMMUNITY_OUTCOMES[0]);
  const [original, setOriginal] = useState("");
  const types = useIncidentTypes();
  const siblings = useCommunityReports({ district: report.districtPcode, pageSize: 50 });
  if (!can.assign && !can.reply && !can.note && !can.convert && !can.close && !can.markDuplicate) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        {can.assign ? (
          <Group align="end" gap="sm" wrap="wrap">
            <AgencySelect
              label={t("community.assigned")}
              value={agencyId}
              onChange={setAgencyId}
              data-testid="community-assign-agency"
            />
            <Button
              disabled={!agencyId || pending}
              onClick={() => run("assign", { agencyId })}
              data-testid="community-assign"
            >
              {t("community.assign")}
            </Button>
          </Group>
        ) : null}
        {can.reply ? (
          <Stack gap={4}>
            <Textarea
              label={t("community.reply")}
              description={t("community.replyHint")}
              value={reply}
              onChange={(e) => setReply(e.currentTarget.value)}
              autosize
              minRows={2}
              data-testid="community-reply-text"
            />
            <Group>
              <Button
                disabled={!reply.trim() || pending}
                onClick={() => run("reply", { text: reply }, () => setReply(""))}
                data-testid="community-reply"
              >
                {t("community.send")}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {can.note ? (
          <Stack gap={4}>
            <Textarea
              label={t("community.note")}
              description={t("community.noteHint")}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
              data-testid="community-note-text"
            />
            <Group>
              <Button
                variant="default"
                disabled={!note.trim() || pending}
                onClick={() => run("note", { text: note }, () => setNote(""))}
                data-testid="community-note"
              >
                {t("community.send")}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {can.convert ? (
          <Group align="end" gap="sm" wrap="wrap">
            <NativeSelect
              label={t("community.incidentType")}
              value={typeId}
              onChange={(e) => setTypeId(e.currentTarget.value)}
              data={[
                { value: "", label: "—" },
                ...(types.data ?? [])
                  .filter((x) => x.isActive)
                  .map((x) => ({ value: x.id, label: typeName(x) })),
              ]}
              data-testid="community-convert-type"
            />
            <Button
              disabled={!typeId || pending}
              onClick={() => run("convert", { typeId })}
              data-testid="community-convert"
            >
              {t("community.convert")}
            </Button>
          </Group>
        ) : null}
        {can.markDuplicate ? (
          <Group align="end" gap="sm" wrap="wrap">
            <NativeSelect
              label={t("community.duplicateOf")}
              value={original}
              onChange={(e) => setOriginal(e.currentTarget.value)}
              data={[
                { value: "", label: "—" },
                ...(siblings.data?.data ?? [])
                  .filter((r) => r.id !== report.id)
                  .map((r) => ({ value: r.id, label: r.reference })),
              ]}
            />
            <Button
              variant="default"
              disabled={!original || pending}
              onClick={() => run("duplicate", { duplicateOfId: original })}
            >
              {t("community.markDuplicate")}
            </Button>
          </Group>
        ) : null}
        {can.close ? (
          <Group align="end" gap="sm" wrap="wrap">
            <NativeSelect
              label={t("community.outcome")}
              value={outcome}
              onChange={(e) => setOutcome(e.currentTarget.value)}
              data={COMMUNITY_OUTCOMES.map((o) => ({ value: o, label: t(`enums.communityOutcome.${o}`) }))}
            />
            <Button variant="light" disabled={pending} onClick={() => run("close", { outcome })}>
              {t("community.close")}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

function Messages({ report }: { report: CommunityDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">
        {t("community.messages")}
      </Title>
      {report.messages.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("community.noMessages")}
        </Text>
      ) : (
        <Stack gap="sm">
          {report.messages.map((m) => (
            <div key={m.id} data-testid={`community-message-${m.kind}`}>
              <Text size="xs" c="dimmed">
                {m.kind === "reply" ? t("community.kindReply") : t("community.kindNote")} ·{" "}
                {m.authorName ?? ""} · <bdi>{format.dateTime(m.createdAt)}</bdi>
              </Text>
              <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                {m.text}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
