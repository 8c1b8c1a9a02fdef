import { actorName } from "../../app/actor-name";
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { INCIDENT_ACTIONS, type IncidentAction } from "../../../../common/enums";
import type { IncidentDetail } from "../../../../common/schemas/incidents";
import { ErrorAlert } from "../../app/error-alert";
import { FormModal } from "../../app/form-modal";
import { HistoryList } from "../../app/history-list";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { useFormat } from "../../app/use-format";
import { useAgencyNamer } from "../agencies";
import { IncidentFormModal } from "./incident-form-modal";
import { IncidentStatusBadge, countryName, districtName, useTypeNamer } from "./incident-labels";
import { useIncident, useIncidentStep } from "./incidents-queries";
import { ReferralsSection } from "./referrals-section";
import { SeizuresSection } from "./seizures-section";
import { SharesLine } from "../sharing";

/** One incident: its facts and outcomes, the steps the server allows the user, seizures, referrals, timeline. */
export function IncidentPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { data: incident, isPending, error, refetch } = useIncident(id);
  if (isPending) return <PageLoader />;
  if (error || !incident) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  return (
    <Stack gap="md">
      <PageHeader title={incident.reference} />
      <SharesLine
        entity="incidents"
        id={incident.id}
        ownerAgencyId={incident.agencyId}
        restricted={incident.sensitivity === "restricted"}
      />
      <Anchor component={Link} to="/incidents" size="sm">
        {t("incidents.back")}
      </Anchor>
      <IncidentSummary incident={incident} />
      <IncidentActions incident={incident} />
      <SeizuresSection incident={incident} />
      <ReferralsSection incident={incident} />
      <IncidentTimeline incident={incident} />
    </Stack>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={500} data-testid={testId}>
        <bdi>{value || "—"}</bdi>
      </Text>
    </div>
  );
}

function IncidentSummary({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const n = format.number;
  const nameOf = useAgencyNamer();
  const typeOf = useTypeNamer();
  const when = incident.occurredTime
    ? `${format.date(incident.occurredOn)} ${incident.occurredTime}`
    : format.date(incident.occurredOn);
  return (
    <Paper withBorder p="md">
      <Group mb="sm" gap="sm">
        <Text fw={600} data-testid="incident-type-name">
          {typeOf(incident.typeId)}
        </Text>
        <IncidentStatusBadge status={incident.status} testId="incident-status" />
        {incident.sensitivity === "restricted" ? (
          <Text size="xs" c="red">
            {t("enums.sensitivity.restricted")}
          </Text>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label={t("incidents.columns.occurredOn")} value={when} />
        <Figure label={t("incidents.fields.reportedAt")} value={format.dateTime(incident.reportedAt)} />
        <Figure label={t("incidents.columns.agency")} value={nameOf(incident.agencyId)} />
        <Figure
          label={t("incidents.columns.place")}
          value={incident.placeName}
          testId="incident-place-name"
        />
        <Figure label={t("incidents.columns.district")} value={districtName(incident.districtPcode)} />
        <Figure
          label={t("incidents.fields.coordinates")}
          value={
            incident.latitude !== null && incident.longitude !== null
              ? `${incident.latitude.toFixed(4)}, ${incident.longitude.toFixed(4)}`
              : ""
          }
        />
        <Figure label={t("incidents.fields.arrests")} value={n(incident.arrests)} />
        <Figure label={t("incidents.fields.rescued")} value={n(incident.rescued)} />
        <Figure label={t("incidents.fields.intercepted")} value={n(incident.intercepted)} />
        <Figure label={t("incidents.fields.dead")} value={n(incident.dead)} />
        <Figure label={t("incidents.fields.missing")} value={n(incident.missing)} />
      </SimpleGrid>
      {incident.nationalities.length > 0 ? (
        <Text mt="sm" size="sm">
          <b>{t("incidents.fields.nationalities")}: </b>
          {incident.nationalities.map((x) => `${countryName(x.country)} (${n(x.count)})`).join("، ")}
        </Text>
      ) : null}
      {incident.statusReason ? (
        <Text mt="sm" size="sm">
          <b>{t("incidents.reason")}: </b>
          {incident.statusReason}
        </Text>
      ) : null}
      {incident.narrative ? (
        <Text mt="sm" size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {incident.narrative}
        </Text>
      ) : null}
      {incident.source === "community" && incident.sourceUrl ? (
        <Text mt="sm" size="sm" data-testid="incident-origin">
          <Anchor component={Link} to={incident.sourceUrl}>
            {t("incidents.fromCommunity", { reference: incident.sourceId ?? "" })}
          </Anchor>
        </Text>
      ) : incident.sourceUrl ? (
        <Text mt="sm" size="xs" c="dimmed">
          {t(`incidents.source.${incident.source}`)}:{" "}
          <Anchor href={incident.sourceUrl} target="_blank" rel="noreferrer" size="xs">
            {t("incidents.sourceLink")}
          </Anchor>
        </Text>
      ) : null}
    </Paper>
  );
}

function IncidentActions({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const step = useIncidentStep();
  const [asking, setAsking] = useState<IncidentAction | null>(null);
  const [reason, setReason] = useState("");
  const [editing, setEditing] = useState(false);
  const steps = INCIDENT_ACTIONS.filter((a) => incident.abilities[a]);
  if (steps.length === 0 && !incident.abilities.update) return null;
  return (
    <Group gap="sm">
      {incident.abilities.update ? (
        <Button variant="default" onClick={() => setEditing(true)} data-testid="incident-edit">
          {t("common.edit")}
        </Button>
      ) : null}
      {steps.map((action) => (
        <Button
          key={action}
          variant={action === "close" ? "light" : "filled"}
          onClick={() => {
            setReason("");
            step.reset();
            setAsking(action);
          }}
          data-testid={`incident-step-${action}`}
        >
          {t(`incidents.action.${action}`)}
        </Button>
      ))}
      {asking ? (
        <FormModal
          opened
          title={t(`incidents.action.${asking}`)}
          onClose={() => setAsking(null)}
          onSubmit={() =>
            step.mutate(
              { id: incident.id, action: asking, reason: reason.trim() || null },
              { onSuccess: () => setAsking(null) },
            )
          }
          isPending={step.isPending}
          error={step.error}
          fields={[]}
          submitLabel={t(`incidents.action.${asking}`)}
        >
          <Textarea
            label={t("incidents.reason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required={asking === "close" || asking === "reopen"}
            autosize
            minRows={2}
            data-testid="incident-step-reason"
          />
        </FormModal>
      ) : null}
      {editing ? (
        <IncidentFormModal
          incident={incident}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      ) : null}
    </Group>
  );
}

function IncidentTimeline({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t("incidents.timeline")}
      </Title>
      <HistoryList
        testId="incident-timeline"
        entries={incident.history.map((h) => ({
          id: h.id,
          at: format.dateTime(h.at),
          what: (
            <>
              <Text size="sm" fw={500}>
                {t(`incidents.history.${h.action}` as "incidents.history.create", { defaultValue: "" })}
              </Text>
              <IncidentStatusBadge status={h.toStatus} />
            </>
          ),
          who: actorName(h),
          note: h.reason,
        }))}
      />
    </Paper>
  );
}
