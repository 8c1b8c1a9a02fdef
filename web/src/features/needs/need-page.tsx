import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { NEED_ACTIONS, type NeedAction } from "../../../../common/enums";
import type { NeedDetail } from "../../../../common/schemas/needs";
import { actorName } from "../../app/actor-name";
import { ErrorAlert } from "../../app/error-alert";
import { FormModal } from "../../app/form-modal";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { RecordOriginLine } from "../../app/record-origin";
import { useFormat } from "../../app/use-format";
import { useAgencyNamer } from "../agencies";
import { NeedCourses } from "../training";
import { NeedStatusBadge } from "./need-labels";
import { SupplyModal } from "./supply-modal";
import { useNeed, useNeedStep } from "./needs-queries";
import { SharesLine } from "../sharing";

/** One need: its figures, the workflow steps the server allows the user, its history, pledges and deliveries. */
export function NeedPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { data: need, isPending, error, refetch } = useNeed(id);
  if (isPending) return <PageLoader />;
  if (error || !need) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  return (
    <Stack gap="md">
      <PageHeader title={need.title} />
      <SharesLine
        entity="needs"
        id={need.id}
        ownerAgencyId={need.agencyId}
        restricted={need.sensitivity === "restricted"}
      />
      <Anchor component={Link} to="/needs" size="sm">
        {t("needs.back")}
      </Anchor>
      <RecordOriginLine origin={need.origin} />
      <NeedSummary need={need} />
      <NeedActions need={need} />
      <NeedHistory need={need} />
      <NeedSupplies need={need} />
      {need.category === "training" ? <NeedCourses needId={need.id} /> : null}
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
        <bdi>{value}</bdi>
      </Text>
    </div>
  );
}

function NeedSummary({ need }: { need: NeedDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const n = format.number;
  const nameOf = useAgencyNamer();
  return (
    <Paper withBorder p="md">
      <Group mb="sm" gap="sm">
        <Text ff="monospace" c="dimmed" size="sm">
          <bdi>{need.reference}</bdi>
        </Text>
        <NeedStatusBadge status={need.status} testId="need-status" />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label={t("needs.columns.agency")} value={nameOf(need.agencyId)} />
        <Figure label={t("needs.columns.responsibleAgency")} value={nameOf(need.responsibleAgencyId)} />
        <Figure label={t("needs.columns.category")} value={t(`needs.category.${need.category}`)} />
        <Figure label={t("needs.columns.priority")} value={t(`needs.priority.${need.priority}`)} />
        <Figure label={t("needs.columns.quantity")} value={`${n(need.quantity)} ${need.unit}`} />
        <Figure label={t("needs.columns.unitCost")} value={format.money(need.unitCost, need.currency)} />
        <Figure
          label={t("needs.columns.estimatedCost")}
          value={format.money(need.estimatedCost, need.currency)}
        />
        <Figure
          label={t("needs.columns.deliveredQuantity")}
          value={n(need.deliveredQuantity)}
          testId="need-delivered"
        />
        <Figure
          label={t("needs.columns.remainingQuantity")}
          value={n(need.remainingQuantity)}
          testId="need-remaining"
        />
        <Figure
          label={t("needs.columns.remainingValue")}
          value={format.money(need.remainingValue, need.currency)}
        />
      </SimpleGrid>
      {need.justification ? (
        <Text mt="sm" size="sm">
          <b>{t("needs.fields.justification")}: </b>
          {need.justification}
        </Text>
      ) : null}
      {need.description ? (
        <Text mt="xs" size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {need.description}
        </Text>
      ) : null}
    </Paper>
  );
}

function NeedActions({ need }: { need: NeedDetail }) {
  const { t } = useTranslation();
  const step = useNeedStep();
  const [asking, setAsking] = useState<NeedAction | null>(null);
  const [comment, setComment] = useState("");
  const [supply, setSupply] = useState<"pledge" | "deliver" | null>(null);
  const steps = NEED_ACTIONS.filter((a) => need.abilities[a]);
  if (steps.length === 0 && !need.abilities.pledge && !need.abilities.deliver) return null;
  return (
    <Group gap="sm">
      {steps.map((action) => (
        <Button
          key={action}
          variant={action === "reject" ? "light" : "filled"}
          color={action === "reject" ? "red" : undefined}
          onClick={() => {
            setComment("");
            setAsking(action);
          }}
          data-testid={`need-step-${action}`}
        >
          {t(`needs.action.${action}`)}
        </Button>
      ))}
      {need.abilities.pledge ? (
        <Button variant="light" onClick={() => setSupply("pledge")} data-testid="need-pledge">
          {t("needs.addPledge")}
        </Button>
      ) : null}
      {need.abilities.deliver ? (
        <Button variant="light" onClick={() => setSupply("deliver")} data-testid="need-deliver">
          {t("needs.addDelivery")}
        </Button>
      ) : null}
      {asking ? (
        <FormModal
          opened
          title={t(`needs.action.${asking}`)}
          onClose={() => setAsking(null)}
          onSubmit={() =>
            step.mutate(
              { id: need.id, action: asking, comment: comment.trim() || null },
              { onSuccess: () => setAsking(null) },
            )
          }
          isPending={step.isPending}
          error={step.error}
          fields={[]}
          submitLabel={t(`needs.action.${asking}`)}
        >
          <Textarea
            label={asking === "reject" ? t("needs.reason") : t("needs.comment")}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            required={asking === "reject"}
            autosize
            minRows={2}
            data-testid="step-comment"
          />
        </FormModal>
      ) : null}
      {supply ? <SupplyModal need={need} kind={supply} onClose={() => setSupply(null)} /> : null}
    </Group>
  );
}

function NeedHistory({ need }: { need: NeedDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t("needs.history")}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={4} data-testid="need-history">
          <Table.Tbody>
            {need.history.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>
                  <bdi>{format.dateTime(h.at)}</bdi>
                </Table.Td>
                <Table.Td>
                  {t(`needs.action.${h.action}` as "needs.action.submit", { defaultValue: h.action })}
                </Table.Td>
                <Table.Td>
                  <NeedStatusBadge status={h.toStatus} />
                </Table.Td>
                <Table.Td>
                  <bdi>{actorName(h)}</bdi>
                </Table.Td>
                <Table.Td>{h.comment ?? ""}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function NeedSupplies({ need }: { need: NeedDetail }) {
  const { t } = useTranslation();
  const { number: n, date } = useFormat();
  const nameOf = useAgencyNamer();
  if (need.pledges.length === 0 && need.deliveries.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("needs.pledges")}
        </Title>
        {need.pledges.map((p) => (
          <Text size="sm" key={p.id}>
            <bdi>
              {p.pledgerName ?? nameOf(p.pledgerAgencyId)} — {n(p.quantity)} {need.unit}
              {p.dueOn ? ` — ${t("needs.dueOn")}: ${date(p.dueOn)}` : ""}
            </bdi>
          </Text>
        ))}
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("needs.deliveries")}
        </Title>
        {need.deliveries.map((d) => (
          <Text size="sm" key={d.id} data-testid="need-delivery">
            <bdi>
              {date(d.deliveredOn)} — {n(d.quantity)} {need.unit} — {d.receivedBy}
              {d.reference ? (
                <>
                  {" — "}
                  <bdi>{d.reference}</bdi>
                </>
              ) : null}
            </bdi>
          </Text>
        ))}
      </Paper>
    </SimpleGrid>
  );
}
