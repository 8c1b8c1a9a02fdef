import { Button, Group, Modal, Stack } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "./error-alert";

type Props = {
  opened: boolean;
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  isPending: boolean;
  error: unknown;
  /** Fields the form shows, so the alert does not repeat their messages. */
  fields: readonly string[];
  submitLabel?: string;
  children: ReactNode;
};

/** A create/edit form in a modal: server error on top, fields, cancel and save. */
export function FormModal({
  opened,
  title,
  onClose,
  onSubmit,
  isPending,
  error,
  fields,
  submitLabel,
  children,
}: Props) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {error ? <ErrorAlert error={error} shownFields={fields} /> : null}
          {children}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={isPending}>
              {submitLabel ?? t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
