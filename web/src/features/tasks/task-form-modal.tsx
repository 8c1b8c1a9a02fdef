import { MultiSelect, Select, Stack, TextInput, Textarea } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { TASK_PRIORITIES, type TaskPriority } from "../../../../common/enums";
import { FormModal } from "../../app/form-modal";
import { currentLanguage } from "../../app/i18n";
import { AgencySelect, agencyName, useAgencyLookup } from "../agencies";
import { useCurrentUser } from "../auth";
import { usePlan, usePlans } from "../plans/plans-queries";
import { useCreateTask } from "./tasks-queries";
import { DateField } from "../../app/date-field";

type Objective = { id: string; titleAr: string; titleEn: string | null };
type Props = {
  opened: boolean;
  onClose: () => void;
  /** Given on a plan's page: the task belongs to that plan and only its objectives are offered. */
  planId?: string;
  objectives?: Objective[];
};

const FIELDS = [
  "titleAr",
  "titleEn",
  "description",
  "agencyId",
  "planId",
  "objectiveId",
  "dueOn",
  "priority",
  "supports",
] as const;

const titleOf = (p: { titleAr: string; titleEn: string | null }, language: string) =>
  language === "en" ? p.titleEn || p.titleAr : p.titleAr;

/**
 * Plans the user may see and still add tasks to (the server lists only visible plans; archived ones take no new
 * task), searched on the server by what is typed, and the objectives of the chosen one.
 */
function usePlanChoices(fixedPlanId: string | undefined, chosenPlanId: string | null, search: string) {
  const language = currentLanguage();
  const plans = usePlans({ q: search || undefined, sort: "title", dir: "asc", pageSize: 50 });
  const chosen = usePlan(chosenPlanId ?? "", { enabled: !fixedPlanId && chosenPlanId !== null });
  const planOptions = useMemo(() => {
    const label = (p: { titleAr: string; titleEn: string | null; reference: string }) =>
      `${titleOf(p, language)} (${p.reference})`;
    const rows = (plans.data?.data ?? []).filter((p) => p.status !== "archived");
    const options = rows.map((p) => ({ value: p.id, label: label(p) }));
    // The chosen plan stays offered when a new search no longer lists it.
    if (chosen.data && !rows.some((p) => p.id === chosen.data.id))
      options.unshift({ value: chosen.data.id, label: label(chosen.data) });
    return options;
  }, [plans.data, chosen.data, language]);
  return { planOptions, objectives: chosen.data?.objectives ?? [] };
}

/** A new task: lead agency (the user's by default), supporting agencies each with what is asked of it. */
export function TaskFormModal({ opened, onClose, planId: fixedPlanId, objectives: fixedObjectives }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const agencies = useAgencyLookup();
  const language = currentLanguage();
  const create = useCreateTask();
  const [titleAr, setTitleAr] = useState("");
  const [description, setDescription] = useState("");
  const [agencyId, setAgencyId] = useState<string | null>(me.agencyId);
  const [chosenPlanId, setChosenPlanId] = useState<string | null>(null);
  const [planSearch, setPlanSearch] = useState("");
  const [planLabel, setPlanLabel] = useState("");
  const [objectiveId, setObjectiveId] = useState<string | null>(null);
  // Once a plan is chosen the box shows its label: that is not a search.
  const choices = usePlanChoices(fixedPlanId, chosenPlanId, planSearch === planLabel ? "" : planSearch);
  const planId = fixedPlanId ?? chosenPlanId;
  const objectives: Objective[] = fixedPlanId ? (fixedObjectives ?? []) : choices.objectives;
  const [dueOn, setDueOn] = useState("");
  const [priority, setPriority] = useState<TaskPriority>("normal");
  const [supportIds, setSupportIds] = useState<string[]>([]);
  const [asks, setAsks] = useState<Record<string, string>>({});
  const options = useMemo(
    () =>
      [...agencies.values()]
        .filter((a) => a.isActive && a.id !== agencyId)
        .map((a) => ({ value: a.id, label: agencyName(a, language) })),
    [agencies, agencyId, language],
  );

  const submit = () =>
    create.mutate(
      {
        titleAr,
        description: description || null,
        agencyId: agencyId ?? undefined,
        planId: planId ?? null,
        objectiveId,
        dueOn: dueOn || null,
        priority,
        supports: supportIds.map((id) => ({ agencyId: id, contribution: asks[id] ?? "" })),
      },
      {
        onSuccess: (task) => {
          onClose();
          void navigate(`/tasks/${task.id}`);
        },
      },
    );

  return (
    <FormModal
      opened={opened}
      title={t("tasks.new")}
      onClose={onClose}
      onSubmit={submit}
      isPending={create.isPending}
      error={create.error}
      fields={FIELDS}
    >
      <Stack gap="sm">
        <TextInput
          label={t("fields.titleAr")}
          required
          value={titleAr}
          onChange={(e) => setTitleAr(e.currentTarget.value)}
          data-testid="task-title"
        />
        <Textarea
          label={t("fields.description")}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <AgencySelect
          label={t("tasks.lead")}
          value={agencyId}
          onChange={setAgencyId}
          required
          data-testid="task-lead"
        />
        {fixedPlanId ? null : (
          <Select
            label={t("tasks.plan")}
            placeholder={t("tasks.noPlan")}
            clearable
            searchable
            value={chosenPlanId}
            onChange={(v, option) => {
              setChosenPlanId(v);
              setPlanLabel(option?.label ?? "");
              setObjectiveId(null);
            }}
            onSearchChange={setPlanSearch}
            filter={({ options }) => options}
            data={choices.planOptions}
            nothingFoundMessage={t("common.noResults")}
            data-testid="task-plan"
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {planId ? (
          <Select
            label={t("tasks.objective")}
            placeholder={objectives.length ? undefined : t("tasks.noObjectives")}
            disabled={objectives.length === 0}
            clearable
            value={objectiveId}
            onChange={setObjectiveId}
            data={objectives.map((o) => ({ value: o.id, label: titleOf(o, language) }))}
            data-testid="task-objective"
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        <DateField
          label={t("fields.dueOn")}
          value={dueOn}
          onChange={(v) => setDueOn(v ?? "")}
          data-testid="task-due"
        />
        <Select
          label={t("fields.priority")}
          value={priority}
          onChange={(v) => setPriority((v as TaskPriority | null) ?? "normal")}
          data={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`enums.priority.${p}`) }))}
        />
        <MultiSelect
          label={t("tasks.supporting")}
          data={options}
          value={supportIds}
          onChange={setSupportIds}
          searchable
          data-testid="task-supports"
          comboboxProps={{ withinPortal: true }}
        />
        {supportIds.map((id) => (
          <TextInput
            key={id}
            label={`${t("fields.contribution")}: ${agencies.get(id) ? agencyName(agencies.get(id)!, language) : ""}`}
            required
            value={asks[id] ?? ""}
            onChange={(e) => setAsks({ ...asks, [id]: e.currentTarget.value })}
            data-testid="task-ask"
          />
        ))}
      </Stack>
    </FormModal>
  );
}
