import { Anchor, Group, Paper, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../app/use-format";
import { CourseStatusBadge, courseTitle } from "./training-labels";
import { useCourseList } from "./training-queries";

/** On a training need's page: the courses that answer it (the link the course keeps to the need). */
export function NeedCourses({ needId }: { needId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useCourseList({ needId, pageSize: 20 });
  if (!data || data.data.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="need-courses">
      <Title order={4} mb="xs">
        {t("trainingPages.answeringCourses")}
      </Title>
      {data.data.map((c) => (
        <Group key={c.id} gap="xs">
          <Anchor component={Link} to={`/training/courses/${c.id}`} size="sm">
            <bdi>{courseTitle(c)}</bdi>
          </Anchor>
          <Text size="xs" c="dimmed">
            <bdi>{format.date(c.startsOn)}</bdi>
          </Text>
          <CourseStatusBadge status={c.status} />
        </Group>
      ))}
    </Paper>
  );
}
