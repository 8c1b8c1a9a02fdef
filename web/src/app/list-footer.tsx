import { Group, Pagination, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "./use-format";

type Props = { page: number; pageSize: number; total: number; onPage: (page: number) => void };

/** The total and the page switcher under a paged table. */
export function ListFooter({ page, pageSize, total, onPage }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm" c="dimmed" data-testid="list-total">
        {t("common.total", { total: format.number(total) })}
      </Text>
      {pages > 1 ? (
        <Pagination
          total={pages}
          value={page}
          onChange={onPage}
          size="sm"
          aria-label={t("common.pagination")}
        />
      ) : null}
    </Group>
  );
}
