import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { UseMutationResult } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "./error-alert";

type SetActive = UseMutationResult<unknown, Error, { id: string; active: boolean }>;

type Props = {
  id: string;
  name: string;
  abilities: { deactivate: boolean; reactivate: boolean };
  setActive: SetActive;
};

/** Deactivate / reactivate buttons, each shown only when the record's abilities allow it, with a confirmation. */
export function StatusActions({ id, name, abilities, setActive }: Props) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<boolean | null>(null);

  const close = () => {
    setTarget(null);
    setActive.reset();
  };
  const confirm = () => {
    if (target === null) return;
    setActive.mutate({ id, active: target }, { onSuccess: close });
  };

  return (
    <>
      {abilities.deactivate ? (
        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setTarget(false)}>
          {t("common.deactivate")}
        </Button>
      ) : null}
      {abilities.reactivate ? (
        <Button size="compact-sm" variant="subtle" color="green" onClick={() => setTarget(true)}>
          {t("common.reactivate")}
        </Button>
      ) : null}
      <Modal opened={target !== null} onClose={close} title={t("common.confirmTitle")} centered>
        <Stack>
          <Text>
            {target ? t("common.confirmReactivate", { name }) : t("common.confirmDeactivate", { name })}
          </Text>
          {setActive.error ? <ErrorAlert error={setActive.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button color={target ? "green" : "red"} onClick={confirm} loading={setActive.isPending}>
              {target ? t("common.reactivate") : t("common.deactivate")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
