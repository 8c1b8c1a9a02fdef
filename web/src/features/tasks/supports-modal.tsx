import { ActionIcon, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../../../common/limits";
import type { Task } from "../../../../common/schemas/tasks";
import { FormModal } from "../../app/form-modal";
import { serverFieldErrors } from "../../app/form-state";
import { currentLanguage } from "../../app/i18n";
import { AgencySelect, agencyName, useAgencyLookup } from "../agencies";
import { useSetSupports } from "./tasks-queries";

type Row = { agencyId: string; contribution: string };

/**
 * The lead agency's manager (or leadership) chooses the supporting agencies and what is asked of each. Agencies
 * kept keep their own status and note; removed ones lose their contribution; added ones are notified.
 */
export function SupportsModal({ task, onClose }: { task: Task; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const agencies = useAgencyLookup();
  const save = useSetSupports(task.id);
  const [rows, setRows] = useState<Row[]>(
    task.supports.map((s) => ({ agencyId: s.agencyId, contribution: s.contribution })),
  );
  const [adding, setAdding] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const taken = useMemo(() => new Set([task.agencyId, ...rows.map((r) => r.agencyId)]), [task, rows]);

  const setContribution = (agencyId: string, contribution: string) =>
    setRows((all) => all.map((r) => (r.agencyId === agencyId ? { ...r, contribution } : r)));
  const onSubmit = () => {
    const empty = rows.find((r) => r.contribution.trim() === "");
    if (empty)
      return setErrors({ [empty.agencyId]: t("validation.required", { field: t("tasks.contribution") }) });
    save.mutate(
      { supports: rows.map((r) => ({ agencyId: r.agencyId, contribution: r.contribution.trim() })) },
      { onSuccess: onClose, onError: (error) => setErrors(serverFieldErrors(error)) },
    );
  };

  return (
    <FormModal
      opened
      title={t("tasks.manageSupports")}
      onClose={onClose}
      onSubmit={onSubmit}
      isPending={save.isPending}
      error={save.error}
      fields={["supports"]}
    >
      <Stack gap="xs" data-testid="supports-editor">
        {rows.length === 0 ? <Text c="dimmed">{t("tasks.noSupports")}</Text> : null}
        {rows.map((r) => {
          const agency = agencies.get(r.agencyId);
          return (
            <Group key={r.agencyId} align="end" wrap="nowrap">
              <TextInput
                flex={1}
                label={agency ? agencyName(agency, language) : r.agencyId}
                value={r.contribution}
                onChange={(e) => setContribution(r.agencyId, e.currentTarget.value)}
                error={errors[r.agencyId]}
                maxLength={LIMITS.text}
                placeholder={t("tasks.contribution")}
                data-testid="support-contribution"
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t("tasks.removeSupport")}
                title={t("tasks.removeSupport")}
                onClick={() => setRows((all) => all.filter((x) => x.agencyId !== r.agencyId))}
                data-testid="support-remove"
              >
                ×
              </ActionIcon>
            </Group>
          );
        })}
        <Group align="end">
          <AgencySelect
            label={t("tasks.addSupport")}
            value={adding}
            onChange={setAdding}
            exclude={taken}
            data-testid="support-add-agency"
          />
          <Button
            variant="light"
            disabled={!adding || rows.length >= LIMITS.supportsMax}
            onClick={() => {
              if (!adding) return;
              setRows((all) => [...all, { agencyId: adding, contribution: "" }]);
              setAdding(null);
            }}
            data-testid="support-add"
          >
            {t("common.add")}
          </Button>
        </Group>
      </Stack>
    </FormModal>
  );
}
