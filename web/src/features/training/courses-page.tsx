import { Anchor, Button, Group, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { COURSE_STATUSES, TRAINING_TOPICS } from "../../../../common/enums";
import { ErrorAlert } from "../../app/error-alert";
import { ListFooter } from "../../app/list-footer";
import { useListState } from "../../app/list-state";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { SearchInput } from "../../app/search-input";
import { useFormat } from "../../app/use-format";
import { useCurrentUser } from "../auth";
import { CourseFormModal } from "./course-form-modal";
import { CourseStatusBadge, courseTitle } from "./training-labels";
import { TrainingNav } from "./training-nav";
import { useCourseList } from "./training-queries";

type Filters = { q: string; topic: string; status: string };

/** The catalogue of courses and workshops, with filters; the training department adds courses here. */
export function CoursesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const format = useFormat();
  const [creating, setCreating] = useState(false);
  const list = useListState<Filters>({ q: "", topic: "", status: "" });
  const { data, isPending, error, refetch } = useCourseList(list.params);
  return (
    <Stack gap="md">
      <PageHeader
        title={t("trainingPages.title")}
        actions={
          me.permissions.includes("courses.manage") ? (
            <Button onClick={() => setCreating(true)} data-testid="course-create">
              {t("trainingPages.newCourse")}
            </Button>
          ) : null
        }
      />
      <TrainingNav />
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SearchInput
          placeholder={t("trainingPages.search")}
          initial={list.filters.q}
          onSearch={(q) => list.setFilter("q", q)}
        />
        <NativeSelect
          aria-label={t("fields.topic")}
          value={list.filters.topic}
          onChange={(e) => list.setFilter("topic", e.currentTarget.value)}
          data={[
            { value: "", label: t("trainingPages.allTopics") },
            ...TRAINING_TOPICS.map((v) => ({ value: v, label: t(`enums.trainingTopic.${v}`) })),
          ]}
        />
        <NativeSelect
          aria-label={t("fields.status")}
          value={list.filters.status}
          onChange={(e) => list.setFilter("status", e.currentTarget.value)}
          data={[
            { value: "", label: t("trainingPages.allStatuses") },
            ...COURSE_STATUSES.map((v) => ({ value: v, label: t(`enums.courseStatus.${v}`) })),
          ]}
        />
      </Group>
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <PageLoader /> : null}
      {data && data.data.length === 0 ? <Text c="dimmed">{t("common.noResults")}</Text> : null}
      {data && data.data.length > 0 ? (
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover verticalSpacing="xs" data-testid="courses-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("trainingPages.course")}</Table.Th>
                <Table.Th>{t("fields.topic")}</Table.Th>
                <Table.Th>{t("trainingPages.dates")}</Table.Th>
                <Table.Th>{t("fields.place")}</Table.Th>
                <Table.Th>{t("trainingPages.places")}</Table.Th>
                <Table.Th>{t("fields.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.data.map((c) => (
                <Table.Tr key={c.id} data-testid="course-row">
                  <Table.Td maw={320}>
                    <Anchor component={Link} to={`/training/courses/${c.id}`} size="sm">
                      <bdi>{courseTitle(c)}</bdi>
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t(`enums.trainingKind.${c.kind}`)} · <bdi>{c.reference}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`enums.trainingTopic.${c.topic}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                      <bdi>{format.date(c.startsOn)}</bdi>
                    </Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                      <bdi>{format.date(c.endsOn)}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td maw={220}>
                    <Text size="sm">
                      <bdi>{c.place}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <bdi>{`${format.number(c.acceptedCount)} / ${format.number(c.capacity)}`}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <CourseStatusBadge status={c.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {data ? <ListFooter {...data.page} onPage={list.setPage} /> : null}
      <CourseFormModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
