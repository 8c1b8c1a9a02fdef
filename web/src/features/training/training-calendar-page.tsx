import { Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { zonedDay } from "../../../../common/dates";
import { ErrorAlert } from "../../app/error-alert";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { useFormat } from "../../app/use-format";
import { CourseStatusBadge, courseTitle } from "./training-labels";
import { TrainingNav } from "./training-nav";
import { useTrainingCalendar } from "./training-queries";

/** Training sessions day by day (from a month ago), and the iCalendar feed to follow them in a calendar app. */
export function TrainingCalendarPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, isPending, error, refetch } = useTrainingCalendar({});
  const days = new Map<string, NonNullable<typeof data>>();
  for (const s of data ?? []) {
    const day = zonedDay(new Date(s.startsAt));
    days.set(day, [...(days.get(day) ?? []), s]);
  }
  return (
    <Stack gap="md">
      <PageHeader title={t("trainingPages.calendar")} />
      <TrainingNav />
      <Anchor href="/api/v1/training/calendar.ics" size="sm" data-testid="training-ics">
        {t("trainingPages.icsFeed")}
      </Anchor>
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <PageLoader /> : null}
      {data && data.length === 0 ? <Text c="dimmed">{t("common.noResults")}</Text> : null}
      {[...days.entries()].map(([day, sessions]) => (
        <Paper key={day} withBorder p="sm">
          <Title order={5} mb={4}>
            <bdi>{format.date(day)}</bdi>
          </Title>
          <Stack gap={4}>
            {sessions.map((s) => (
              <Group key={s.id} gap="xs" wrap="wrap">
                <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                  <bdi>{format.dateTime(s.startsAt)}</bdi>
                </Text>
                <Anchor component={Link} to={`/training/courses/${s.courseId}`} size="sm">
                  <bdi>{courseTitle({ titleAr: s.courseTitleAr, titleEn: s.courseTitleEn })}</bdi>
                </Anchor>
                <Text size="xs" c="dimmed">
                  <bdi>{s.place}</bdi>
                </Text>
                <CourseStatusBadge status={s.status} />
              </Group>
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
