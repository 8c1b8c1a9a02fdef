import {
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { DISTRICTS } from "../../../../common/districts";
import { districtName } from "../../app/district-name";
import {
  BORDER_FIGURES,
  INCIDENT_MEASURES,
  INCIDENT_TYPE_GROUPS,
  INDICATOR_DIRECTIONS,
  INDICATOR_FREQUENCIES,
  INDICATOR_SOURCES,
  type BorderFigure,
  type IncidentMeasure,
  type IndicatorDirection,
  type IndicatorFrequency,
  type IndicatorSource,
} from "../../../../common/enums";
import type { Indicator, IncidentIndicatorSpec, IndicatorSpec } from "../../../../common/schemas/plans";
import { ErrorAlert } from "../../app/error-alert";
import { FormModal } from "../../app/form-modal";
import { currentLanguage } from "../../app/i18n";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { agencyName, useAgencyLookup } from "../agencies";
import { useCrossings } from "../border";
import { TaskFormModal } from "../tasks/task-form-modal";
import { TaskTable } from "../tasks/task-table";
import { titleIn } from "../tasks/task-title";
import { useTasks } from "../tasks/tasks-queries";
import { IndicatorChart } from "./indicator-chart";
import { PlanFormModal } from "./plan-form-modal";
import {
  useAddIndicator,
  useAddObjective,
  useMeasure,
  usePlan,
  usePlanStatus,
  type PlanDetail,
} from "./plans-queries";
import { SharesLine } from "../sharing";
import { DateField } from "../../app/date-field";

export function PlanPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  const agencies = useAgencyLookup();
  const { data: plan, error } = usePlan(id);
  const tasks = useTasks({ planId: id, pageSize: 100, sort: "dueOn" });
  const status = usePlanStatus(id);
  const [addingObjective, setAddingObjective] = useState(false);
  const [addingTask, setAddingTask] = useState(false);
  const [editing, setEditing] = useState(false);
  if (error) return <ErrorAlert error={error} />;
  if (!plan) return <PageLoader />;
  const owner = agencies.get(plan.agencyId);
  const district = districtName(plan.districtPcode);

  return (
    <Stack>
      <PageHeader
        title={titleIn(plan, language)}
        actions={
          <>
            {(["activate", "complete", "archive"] as const).map((verb) =>
              plan.abilities[verb] ? (
                <Button
                  key={verb}
                  variant="default"
                  loading={status.isPending}
                  onClick={() => status.mutate(verb)}
                  data-testid={`plan-${verb}`}
                >
                  {t(`plans.${verb}`)}
                </Button>
              ) : null,
            )}
            {plan.abilities.update ? (
              <Button variant="default" onClick={() => setEditing(true)} data-testid="plan-edit">
                {t("plans.edit")}
              </Button>
            ) : null}
            {plan.abilities.addObjective ? (
              <Button variant="light" onClick={() => setAddingObjective(true)} data-testid="objective-new">
                {t("plans.newObjective")}
              </Button>
            ) : null}
            {plan.abilities.addTask ? (
              <Button onClick={() => setAddingTask(true)} data-testid="task-new">
                {t("plans.newTask")}
              </Button>
            ) : null}
          </>
        }
      />
      {status.error ? <ErrorAlert error={status.error} /> : null}
      <SharesLine
        entity="plans"
        id={plan.id}
        ownerAgencyId={plan.agencyId}
        restricted={plan.sensitivity === "restricted"}
      />
      <Group>
        <Badge variant="light">{t(`enums.planStatus.${plan.status}`)}</Badge>
        <Text size="sm">
          <bdi>{plan.reference}</bdi>
        </Text>
        <Text size="sm">
          {t("plans.owner")}: {owner ? agencyName(owner, language) : ""}
        </Text>
        <Text size="sm">
          <bdi>
            {plan.startsOn} – {plan.endsOn}
          </bdi>
        </Text>
        {district ? (
          <Text size="sm">
            {t("plans.region")}: {district}
          </Text>
        ) : null}
      </Group>
      {plan.description ? (
        <Text style={{ whiteSpace: "pre-wrap" }} data-testid="plan-description">
          {plan.description}
        </Text>
      ) : null}
      <Card withBorder>
        <Text fw={600} data-testid="plan-rollup">
          {t("plans.rollup", { progress: plan.progress, count: plan.taskCount })}
        </Text>
        <Progress value={plan.progress} mt="xs" size="lg" />
        {plan.overdueCount ? (
          <Badge color="red" mt="xs">
            {t("plans.overdue")}: {plan.overdueCount}
          </Badge>
        ) : null}
      </Card>

      <Title order={3}>{t("plans.objectives")}</Title>
      {plan.objectives.length === 0 ? <Text c="dimmed">{t("plans.noObjectives")}</Text> : null}
      {plan.objectives.map((o) => (
        <ObjectiveCard key={o.id} objective={o} />
      ))}

      <Title order={3}>{t("plans.tasks")}</Title>
      <TaskTable tasks={tasks.data?.data ?? []} />

      {editing ? <PlanFormModal plan={plan} onClose={() => setEditing(false)} /> : null}
      {addingObjective ? (
        <ObjectiveFormModal planId={plan.id} onClose={() => setAddingObjective(false)} />
      ) : null}
      <TaskFormModal
        opened={addingTask}
        onClose={() => setAddingTask(false)}
        planId={plan.id}
        objectives={plan.objectives}
      />
    </Stack>
  );
}

function ObjectiveCard({ objective }: { objective: PlanDetail["objectives"][number] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [adding, setAdding] = useState(false);
  return (
    <Card withBorder data-testid="objective-card">
      <Group justify="space-between">
        <Text fw={700}>
          {objective.position}. {titleIn(objective, language)}
        </Text>
        {objective.abilities.addIndicator ? (
          <Button size="xs" variant="light" onClick={() => setAdding(true)} data-testid="indicator-new">
            {t("plans.newIndicator")}
          </Button>
        ) : null}
      </Group>
      <Group gap="xs" mt="xs">
        <Progress value={objective.progress} w={200} />
        <bdi>{objective.progress}%</bdi>
        <Text size="sm" c="dimmed">
          ({objective.taskCount} {t("plans.tasks")})
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} mt="sm">
        {objective.indicators.map((i) => (
          <IndicatorCard key={i.id} indicator={i} />
        ))}
      </SimpleGrid>
      {objective.indicators.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("plans.noIndicators")}
        </Text>
      ) : null}
      {adding ? <IndicatorFormModal objectiveId={objective.id} onClose={() => setAdding(false)} /> : null}
    </Card>
  );
}

function IndicatorCard({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const measure = useMeasure();
  const [value, setValue] = useState<number | string>("");
  const [measuredOn, setMeasuredOn] = useState("");
  return (
    <Card withBorder data-testid="indicator-card">
      <Text fw={600}>{language === "en" ? indicator.nameEn || indicator.nameAr : indicator.nameAr}</Text>
      <Text size="sm">
        {t("plans.baseline")}: <bdi>{indicator.baseline}</bdi> · {t("plans.target")}:{" "}
        <bdi>{indicator.target}</bdi> · {t("plans.current")}: <bdi>{indicator.current ?? "—"}</bdi>{" "}
        {indicator.unit} · {t(`enums.direction.${indicator.direction}`)}
      </Text>
      {indicator.achievement !== null ? (
        <Group gap="xs">
          <Progress value={indicator.achievement} w={160} color="teal" />
          <bdi>{indicator.achievement}%</bdi>
        </Group>
      ) : null}
      {indicator.source !== "manual" ? (
        <Text size="xs" c="dimmed" data-testid="indicator-source">
          {t(`plans.computedFrom.${indicator.source}`)}
        </Text>
      ) : null}
      {indicator.measurements.length || indicator.series.length ? (
        <IndicatorChart indicator={indicator} />
      ) : null}
      {indicator.abilities.measure ? (
        <Group align="end" mt="xs">
          <DateField
            label={t("fields.measuredOn")}
            value={measuredOn}
            onChange={(v) => setMeasuredOn(v ?? "")}
          />
          <NumberInput size="xs" label={t("fields.value")} value={value} onChange={setValue} w={100} />
          <Button
            size="xs"
            loading={measure.isPending}
            onClick={() =>
              measure.mutate({
                indicatorId: indicator.id,
                body: { measuredOn, value: Number(value), note: null },
              })
            }
          >
            {t("plans.measure")}
          </Button>
        </Group>
      ) : null}
      {measure.error ? <ErrorAlert error={measure.error} /> : null}
    </Card>
  );
}

function ObjectiveFormModal({ planId, onClose }: { planId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddObjective(planId);
  const [titleAr, setTitleAr] = useState("");
  return (
    <FormModal
      opened
      title={t("plans.newObjective")}
      onClose={onClose}
      onSubmit={() => add.mutate({ titleAr }, { onSuccess: onClose })}
      isPending={add.isPending}
      error={add.error}
      fields={["titleAr"]}
    >
      <TextInput
        label={t("fields.titleAr")}
        required
        value={titleAr}
        onChange={(e) => setTitleAr(e.currentTarget.value)}
        data-testid="objective-title"
      />
    </FormModal>
  );
}

/** What a computed indicator counts: the incidents of a measure (optionally of a type group and a district), or a
 * crossing's daily figure. A manual indicator is measured by hand. */
type SourceFields = {
  source: IndicatorSource;
  measure: IncidentMeasure;
  group: string;
  district: string;
  crossingId: string;
  figure: BorderFigure;
};

function specOf(f: SourceFields): IndicatorSpec | null {
  if (f.source === "incidents")
    return {
      measure: f.measure,
      typeId: null,
      group: (f.group || null) as IncidentIndicatorSpec["group"],
      district: f.district || null,
      agencyId: null,
      status: null,
    };
  if (f.source === "border") return { crossingId: f.crossingId, figure: f.figure };
  return null;
}

const MEASURE_LABEL: Record<IncidentMeasure, string> = {
  count: "plans.measureCount",
  arrests: "incidents.fields.arrests",
  rescued: "incidents.fields.rescued",
  intercepted: "incidents.fields.intercepted",
  dead: "incidents.fields.dead",
  missing: "incidents.fields.missing",
  withSeizures: "incidents.withSeizures",
};

function IndicatorFormModal({ objectiveId, onClose }: { objectiveId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const add = useAddIndicator();
  const crossings = useCrossings().data ?? [];
  const [nameAr, setNameAr] = useState("");
  const [unit, setUnit] = useState("");
  const [baseline, setBaseline] = useState<number | string>(0);
  const [target, setTarget] = useState<number | string>("");
  const [direction, setDirection] = useState<IndicatorDirection>("increase");
  const [frequency, setFrequency] = useState<IndicatorFrequency>("monthly");
  const [f, setF] = useState<SourceFields>({
    source: "manual",
    measure: "count",
    group: "",
    district: "",
    crossingId: "",
    figure: "migrantsIntercepted",
  });
  const set = <K extends keyof SourceFields>(key: K, value: SourceFields[K]) =>
    setF((x) => ({ ...x, [key]: value }));
  const language = i18n.language === "en" ? "en" : "ar";
  return (
    <FormModal
      opened
      title={t("plans.newIndicator")}
      onClose={onClose}
      onSubmit={() =>
        add.mutate(
          {
            objectiveId,
            body: {
              nameAr,
              unit,
              baseline: Number(baseline),
              target: Number(target),
              direction,
              frequency,
              source: f.source,
              spec: specOf(f),
            },
          },
          { onSuccess: onClose },
        )
      }
      isPending={add.isPending}
      error={add.error}
      fields={["nameAr", "unit", "baseline", "target", "direction", "frequency", "source", "spec"]}
    >
      <TextInput
        label={t("fields.nameAr")}
        required
        value={nameAr}
        onChange={(e) => setNameAr(e.currentTarget.value)}
        data-testid="indicator-name"
      />
      <NativeSelect
        label={t("plans.indicatorSource")}
        value={f.source}
        onChange={(e) => set("source", e.currentTarget.value as IndicatorSource)}
        data={INDICATOR_SOURCES.map((s) => ({ value: s, label: t(`enums.indicatorSource.${s}`) }))}
        data-testid="indicator-source-select"
      />
      {f.source === "incidents" ? (
        <>
          <NativeSelect
            label={t("plans.measure")}
            value={f.measure}
            onChange={(e) => set("measure", e.currentTarget.value as IncidentMeasure)}
            data={INCIDENT_MEASURES.map((m) => ({
              value: m,
              label: t(MEASURE_LABEL[m] as "plans.measureCount"),
            }))}
            data-testid="indicator-measure"
          />
          <Group grow>
            <NativeSelect
              label={t("incidents.columns.group")}
              value={f.group}
              onChange={(e) => set("group", e.currentTarget.value)}
              data={[
                { value: "", label: t("plans.anyGroup") },
                ...INCIDENT_TYPE_GROUPS.map((g) => ({ value: g, label: t(`incidents.group.${g}`) })),
              ]}
              data-testid="indicator-group"
            />
            <NativeSelect
              label={t("incidents.columns.district")}
              value={f.district}
              onChange={(e) => set("district", e.currentTarget.value)}
              data={[
                { value: "", label: t("plans.anyDistrict") },
                ...DISTRICTS.map((d) => ({ value: d.pcode, label: language === "en" ? d.nameEn : d.nameAr })),
              ]}
              data-testid="indicator-district"
            />
          </Group>
        </>
      ) : null}
      {f.source === "border" ? (
        <Group grow>
          <NativeSelect
            label={t("plans.crossing")}
            value={f.crossingId}
            onChange={(e) => set("crossingId", e.currentTarget.value)}
            data={[
              { value: "", label: "—" },
              ...crossings.map((c) => ({ value: c.id, label: language === "en" ? c.nameEn : c.nameAr })),
            ]}
            data-testid="indicator-crossing"
          />
          <NativeSelect
            label={t("plans.figure")}
            value={f.figure}
            onChange={(e) => set("figure", e.currentTarget.value as BorderFigure)}
            data={BORDER_FIGURES.map((x) => ({ value: x, label: t(`fields.${x}`) }))}
            data-testid="indicator-figure"
          />
        </Group>
      ) : null}
      <TextInput
        label={t("fields.unit")}
        required
        value={unit}
        onChange={(e) => setUnit(e.currentTarget.value)}
        data-testid="indicator-unit"
      />
      <Group grow>
        <NumberInput
          label={t("fields.baseline")}
          value={baseline}
          onChange={setBaseline}
          data-testid="indicator-baseline"
        />
        <NumberInput
          label={t("fields.target")}
          value={target}
          onChange={setTarget}
          data-testid="indicator-target"
        />
      </Group>
      <Group grow>
        <Select
          label={t("fields.direction")}
          value={direction}
          onChange={(v) => setDirection((v as IndicatorDirection | null) ?? "increase")}
          data={INDICATOR_DIRECTIONS.map((d) => ({ value: d, label: t(`enums.direction.${d}`) }))}
        />
        <Select
          label={t("fields.frequency")}
          value={frequency}
          onChange={(v) => setFrequency((v as IndicatorFrequency | null) ?? "monthly")}
          data={INDICATOR_FREQUENCIES.map((fr) => ({ value: fr, label: t(`enums.frequency.${fr}`) }))}
        />
      </Group>
    </FormModal>
  );
}
