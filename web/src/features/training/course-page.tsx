import {
  Anchor,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { COURSE_ACTIONS, type CourseAction } from "../../../../common/enums";
import type { Person } from "../../../../common/schemas/personnel";
import type { CourseDetail } from "../../../../common/schemas/training";
import { api, type Paged } from "../../app/api-client";
import { ErrorAlert } from "../../app/error-alert";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { useFormat } from "../../app/use-format";
import { useAgencyNamer } from "../agencies";
import { useCurrentUser } from "../auth";
import { AttendancePanel, ResultsPanel } from "./attendance-panel";
import { NominationsTable } from "./nominations-table";
import { CourseStatusBadge, courseTitle } from "./training-labels";
import { useCourse, useCourseStep, useNominate } from "./training-queries";
import { SharesLine } from "../sharing";

/** One course: its facts, the steps the trainer may take, nominations, attendance and results. */
export function CoursePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { data: course, isPending, error, refetch } = useCourse(id);
  if (isPending) return <PageLoader />;
  if (error || !course) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  return (
    <Stack gap="md">
      <PageHeader title={courseTitle(course)} />
      <SharesLine
        entity="courses"
        id={course.id}
        ownerAgencyId={course.agencyId}
        restricted={course.sensitivity === "restricted"}
      />
      <Anchor component={Link} to="/training" size="sm">
        {t("trainingPages.back")}
      </Anchor>
      <CourseSummary course={course} />
      <CourseSteps course={course} />
      <NominateForm course={course} />
      <NominationsTable course={course} />
      <AttendancePanel course={course} />
      <ResultsPanel course={course} />
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        <bdi>{value}</bdi>
      </Text>
    </div>
  );
}

function CourseSummary({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const nameOf = useAgencyNamer();
  const provider = course.providerName ?? (course.providerAgencyId ? nameOf(course.providerAgencyId) : null);
  return (
    <Paper withBorder p="md">
      <Group mb="sm" gap="sm">
        <Text ff="monospace" c="dimmed" size="sm">
          <bdi>{course.reference}</bdi>
        </Text>
        <CourseStatusBadge status={course.status} />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Fact label={t("fields.kind")} value={t(`enums.trainingKind.${course.kind}`)} />
        <Fact label={t("fields.topic")} value={t(`enums.trainingTopic.${course.topic}`)} />
        <Fact label={t("fields.startsOn")} value={format.date(course.startsOn)} />
        <Fact label={t("fields.endsOn")} value={format.date(course.endsOn)} />
        <Fact label={t("fields.place")} value={course.place} />
        <Fact
          label={t("fields.providerKind")}
          value={[t(`enums.trainingProvider.${course.providerKind}`), provider].filter(Boolean).join(" — ")}
        />
        <Fact
          label={t("trainingPages.places")}
          value={`${format.number(course.acceptedCount)} / ${format.number(course.capacity)}`}
        />
        <Fact label={t("trainingPages.waiting")} value={format.number(course.waitlistedCount)} />
      </SimpleGrid>
      {course.targetAgencyIds.length > 0 ? (
        <Text size="sm" mt="sm">
          <b>{t("fields.targetAgencyIds")}: </b>
          {course.targetAgencyIds.map((a) => nameOf(a)).join("، ")}
        </Text>
      ) : null}
      {course.need ? (
        <Text size="sm" mt="xs">
          <b>{t("fields.needId")}: </b>
          <Anchor component={Link} to={`/needs/${course.need.id}`} data-testid="course-need">
            <bdi>{course.need.title}</bdi>
          </Anchor>
        </Text>
      ) : null}
      {course.cancelReason ? (
        <Text size="sm" mt="xs" c="red">
          <b>{t("trainingPages.cancelReason")}: </b>
          {course.cancelReason}
        </Text>
      ) : null}
      {course.description ? (
        <Text size="sm" mt="xs" style={{ whiteSpace: "pre-wrap" }}>
          {course.description}
        </Text>
      ) : null}
      <Group mt="sm" gap="xs">
        {course.sessions.map((s) => (
          <Text key={s.id} size="xs" c="dimmed">
            <bdi>{`${format.dateTime(s.startsAt)}`}</bdi>
          </Text>
        ))}
      </Group>
    </Paper>
  );
}

function CourseSteps({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const step = useCourseStep();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState("");
  const actions = COURSE_ACTIONS.filter((a) => course.abilities[a]);
  if (actions.length === 0) return null;
  const take = (action: CourseAction, why: string | null = null) =>
    step.mutate({ id: course.id, action, reason: why }, { onSuccess: () => setCancelling(false) });
  return (
    <Stack gap="xs">
      {step.error && !cancelling ? <ErrorAlert error={step.error} /> : null}
      <Group gap="sm">
        {actions.map((action) => (
          <Button
            key={action}
            variant={action === "cancel" ? "light" : "filled"}
            color={action === "cancel" ? "red" : undefined}
            loading={step.isPending && step.variables?.action === action}
            onClick={() => (action === "cancel" ? setCancelling(true) : take(action))}
            data-testid={`course-${action}`}
          >
            {t(`enums.courseAction.${action}`)}
          </Button>
        ))}
      </Group>
      <Modal
        opened={cancelling}
        onClose={() => setCancelling(false)}
        title={t("enums.courseAction.cancel")}
        centered
      >
        <Stack>
          {step.error ? <ErrorAlert error={step.error} /> : null}
          <Textarea
            label={t("fields.reason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
          />
          <Button color="red" onClick={() => take("cancel", reason)} loading={step.isPending}>
            {t("enums.courseAction.cancel")}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** A manager puts forward a person of their agency (leadership: of any agency) while the course is open. */
function NominateForm({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const nominate = useNominate();
  const [personId, setPersonId] = useState("");
  const leadership = me.role === "leadership";
  const people = useQuery({
    queryKey: ["personnel", "nominees", me.agencyId, leadership],
    queryFn: () =>
      api
        .get<Paged<Person>>("/api/v1/personnel", {
          pageSize: 100,
          ...(leadership ? {} : { agencyId: me.agencyId }),
        })
        .then((r) => r.data),
    enabled: course.abilities.nominate,
  });
  if (!course.abilities.nominate) return null;
  const taken = new Set(
    course.nominations
      .filter((n) => ["nominated", "accepted", "waitlisted"].includes(n.status))
      .map((n) => n.personId),
  );
  const choices = (people.data ?? []).filter((p) => !taken.has(p.id));
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t("trainingPages.nominate")}
      </Title>
      {nominate.error ? <ErrorAlert error={nominate.error} /> : null}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t("fields.personId")}
          value={personId}
          onChange={(e) => setPersonId(e.currentTarget.value)}
          data={[
            { value: "", label: t("trainingPages.choosePerson") },
            ...choices.map((p) => ({ value: p.id, label: [p.rank, p.nameAr].filter(Boolean).join(" ") })),
          ]}
          data-testid="nominate-person"
          style={{ flexGrow: 1, maxWidth: 420 }}
        />
        <Button
          disabled={!personId}
          loading={nominate.isPending}
          onClick={() => nominate.mutate({ id: course.id, personId }, { onSuccess: () => setPersonId("") })}
          data-testid="nominate-submit"
        >
          {t("trainingPages.nominateSubmit")}
        </Button>
      </Group>
    </Paper>
  );
}
