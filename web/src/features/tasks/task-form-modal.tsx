import { MultiSelect, Select, Stack, TextInput, Textarea } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { TASK_PRIORITIES, type TaskPriority } from "../../../../common/enums";
import { FormModal } from "../../app/form-modal";
import { currentLanguage } from "../../app/i18n";
import { AgencySelect, agencyName, useAgencyLookup } from "../agencies";
import { useCurrentUser } from "../auth";
import { useCreateTask } from "./tasks-queries";

type Props = {
  opened: boolean;
  onClose: () => void;
  planId?: string;
  objectives?: { id: string; titleAr: string; titleEn: string | null }[];
};

const FIELDS = [
  "titleAr",
  "titleEn",
  "description",
  "agencyId",
  "objectiveId",
  "dueOn",
  "priority",
  "supports",
] as const;

/** A new task: lead agency (the user's by default), supporting agencies each with what is asked of it. */
export function TaskFormModal({ opened, onClose, planId, objectives = [] }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const agencies = useAgencyLookup();
  const language = currentLanguage();
  const create = useCreateTask();
  const [titleAr, setTitleAr] = useState("");
  const [description, setDescription] = useState("");
  const [agencyId, setAgencyId] = useState<string | null>(me.agencyId);
  const [objectiveId, setObjectiveId] = useState<string | null>(null);
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
        {objectives.length ? (
          <Select
            label={t("tasks.objective")}
            clearable
            value={objectiveId}
            onChange={setObjectiveId}
            data={objectives.map((o) => ({
              value: o.id,
              label: language === "en" ? o.titleEn || o.titleAr : o.titleAr,
            }))}
            data-testid="task-objective"
          />
        ) : null}
        <TextInput
          type="date"
          label={t("fields.dueOn")}
          value={dueOn}
          onChange={(e) => setDueOn(e.currentTarget.value)}
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
