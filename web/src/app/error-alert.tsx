import { Alert, Button, List } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "./api-client";

type Props = {
  error?: unknown;
  message?: string;
  onRetry?: () => void;
  /** Field messages already shown under their inputs are not repeated here. */
  shownFields?: readonly string[];
};

/** Shows an API error in the user's language: the server's message, else `errors.<code>`. */
export function ErrorAlert({ error, message, onRetry, shownFields = [] }: Props) {
  const { t } = useTranslation();
  const text = message ?? (error instanceof Error ? error.message : t("errors.internal"));
  const otherFields =
    error instanceof ApiError ? error.fields.filter((f) => !shownFields.includes(f.field)) : [];
  return (
    <Alert color="red" variant="light" role="alert" title={text}>
      {otherFields.length > 0 ? (
        <List size="sm">
          {otherFields.map((f) => (
            <List.Item key={`${f.field}:${f.issue}`}>{f.message}</List.Item>
          ))}
        </List>
      ) : null}
      {onRetry ? (
        <Button variant="subtle" size="xs" mt="xs" onClick={onRetry}>
          {t("common.retry")}
        </Button>
      ) : null}
    </Alert>
  );
}
