import { Button, Group, MultiSelect, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ShareEntity } from "../../../../common/enums";
import { SHARES_MAX, type SharesResponse } from "../../../../common/schemas/sharing";
import { api } from "../../app/api-client";
import { FormModal } from "../../app/form-modal";
import { serverFieldErrors } from "../../app/form-state";
import { currentLanguage } from "../../app/i18n";
import { agencyName, useAgencyLookup } from "../agencies";

type Shares = SharesResponse["data"];

/**
 * On a restricted record's page: the agencies it is shared with, and for the owner agency's manager or leadership
 * a dialog to change them (the whole list; agencies left out are unshared). Nothing for an internal record.
 */
export function SharesLine({
  entity,
  id,
  ownerAgencyId,
  restricted,
}: {
  entity: ShareEntity;
  id: string;
  ownerAgencyId: string;
  restricted: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [editing, setEditing] = useState(false);
  const key = ["shares", entity, id];
  const shares = useQuery({
    queryKey: key,
    queryFn: () => api.get<{ data: Shares }>(`/api/v1/shares/${entity}/${id}`).then((r) => r.data),
    enabled: restricted,
  });
  if (!restricted || !shares.data) return null;
  const names = shares.data.agencies.map((a) => agencyName(a, language));
  return (
    <Group gap="xs" data-testid="record-shares">
      <Text size="sm">
        {names.length > 0
          ? t("sharing.sharedWith", { agencies: names.join(language === "ar" ? "، " : ", ") })
          : t("sharing.notShared")}
      </Text>
      {shares.data.abilities.manage ? (
        <Button size="compact-sm" variant="light" onClick={() => setEditing(true)} data-testid="shares-edit">
          {t("sharing.edit")}
        </Button>
      ) : null}
      {editing ? (
        <SharesModal
          entity={entity}
          id={id}
          ownerAgencyId={ownerAgencyId}
          current={shares.data.agencies.map((a) => a.id)}
          onClose={() => setEditing(false)}
        />
      ) : null}
    </Group>
  );
}

function SharesModal(props: {
  entity: ShareEntity;
  id: string;
  ownerAgencyId: string;
  current: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const agencies = useAgencyLookup();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState(props.current);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const options = useMemo(
    () =>
      [...agencies.values()]
        .filter((a) => a.isActive && a.id !== props.ownerAgencyId)
        .map((a) => ({ value: a.id, label: agencyName(a, language) }))
        .sort((a, b) => a.label.localeCompare(b.label, language)),
    [agencies, props.ownerAgencyId, language],
  );
  const save = useMutation({
    mutationFn: (agencyIds: string[]) =>
      api.put<{ data: Shares }>(`/api/v1/shares/${props.entity}/${props.id}`, { agencyIds }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["shares", props.entity, props.id] });
      props.onClose();
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });
  return (
    <FormModal
      opened
      title={t("sharing.edit")}
      onClose={props.onClose}
      onSubmit={() => save.mutate(chosen)}
      isPending={save.isPending}
      error={save.error}
      fields={["agencyIds"]}
    >
      <Text size="sm" c="dimmed">
        {t("sharing.explain")}
      </Text>
      <MultiSelect
        label={t("sharing.agencies")}
        data={options}
        value={chosen}
        onChange={setChosen}
        searchable
        clearable
        maxValues={SHARES_MAX}
        error={errors.agencyIds}
        data-testid="shares-agencies"
      />
    </FormModal>
  );
}
