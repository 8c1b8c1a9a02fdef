import { Button, Card, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ATTENDANCE_MARKS,
  TRAINING_OUTCOMES,
  type AttendanceMark,
  type TrainingOutcome,
} from "../../../../common/enums";
import type { CourseDetail } from "../../../../common/schemas/training";
import { ErrorAlert } from "../../app/error-alert";
import { useFormat } from "../../app/use-format";
import { useAttendance, useResults } from "./training-queries";

const nameOf = (n: CourseDetail["nominations"][number]) =>
  [n.personRank, n.personName].filter(Boolean).join(" ");

/** Attendance at one session, taken on a phone: one card per participant, one choice each, saved together. */
export function AttendancePanel({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const save = useAttendance();
  const [sessionId, setSessionId] = useState(course.sessions[0]?.id ?? "");
  const [marks, setMarks] = useState<Record<string, AttendanceMark>>({});
  if (!course.abilities.attendance || course.sessions.length === 0) return null;
  const accepted = course.nominations.filter((n) => n.status === "accepted");
  const markOf = (id: string) =>
    marks[`${sessionId}/${id}`] ??
    course.nominations.find((n) => n.id === id)?.attendance.find((a) => a.sessionId === sessionId)?.mark ??
    "present";
  const submit = () =>
    save.mutate({
      id: course.id,
      sessionId,
      body: { marks: accepted.map((n) => ({ nominationId: n.id, mark: markOf(n.id) })) },
    });
  return (
    <Paper withBorder p="md" data-testid="attendance-panel">
      <Title order={4} mb="xs">
        {t("trainingPages.attendance")}
      </Title>
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <Stack gap="sm">
        <NativeSelect
          label={t("fields.sessionId")}
          value={sessionId}
          onChange={(e) => setSessionId(e.currentTarget.value)}
          data={course.sessions.map((s) => ({ value: s.id, label: format.dateTime(s.startsAt) }))}
          data-testid="attendance-session"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {accepted.map((n) => (
            <Card key={n.id} withBorder padding="xs">
              <Text size="sm" fw={500} mb={4}>
                <bdi>{nameOf(n)}</bdi>
              </Text>
              <NativeSelect
                aria-label={t("fields.mark")}
                value={markOf(n.id)}
                onChange={(e) =>
                  setMarks((m) => ({
                    ...m,
                    [`${sessionId}/${n.id}`]: e.currentTarget.value as AttendanceMark,
                  }))
                }
                data={ATTENDANCE_MARKS.map((v) => ({ value: v, label: t(`enums.attendanceMark.${v}`) }))}
                data-testid="attendance-mark"
              />
            </Card>
          ))}
        </SimpleGrid>
        {save.isSuccess ? (
          <Text size="sm" c="green" data-testid="attendance-saved">
            {t("trainingPages.saved")}
          </Text>
        ) : null}
        <Button
          onClick={submit}
          loading={save.isPending}
          disabled={accepted.length === 0}
          data-testid="attendance-save"
        >
          {t("trainingPages.saveAttendance")}
        </Button>
      </Stack>
    </Paper>
  );
}

type Draft = { outcome: TrainingOutcome; score: string; remark: string };

/** Results of the accepted participants: pass or fail, a score, the trainer's remark. */
export function ResultsPanel({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const save = useResults();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  if (!course.abilities.results) return null;
  const accepted = course.nominations.filter((n) => n.status === "accepted");
  const draftOf = (id: string): Draft => {
    const n = course.nominations.find((x) => x.id === id);
    return (
      drafts[id] ?? {
        outcome: n?.outcome ?? "pass",
        score: n?.score === null || !n ? "" : String(n.score),
        remark: n?.remark ?? "",
      }
    );
  };
  const set = (id: string, patch: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [id]: { ...draftOf(id), ...patch } }));
  const submit = () =>
    save.mutate({
      id: course.id,
      body: {
        results: accepted.map((n) => {
          const d = draftOf(n.id);
          return {
            nominationId: n.id,
            outcome: d.outcome,
            score: d.score === "" ? null : Number(d.score),
            remark: d.remark.trim() || null,
          };
        }),
      },
    });
  return (
    <Paper withBorder p="md" data-testid="results-panel">
      <Title order={4} mb="xs">
        {t("trainingPages.results")}
      </Title>
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <Stack gap="sm">
        {accepted.map((n) => (
          <Card key={n.id} withBorder padding="xs" data-testid="result-row">
            <Text size="sm" fw={500} mb={4}>
              <bdi>{nameOf(n)}</bdi>
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 3 }}>
              <NativeSelect
                aria-label={t("fields.outcome")}
                value={draftOf(n.id).outcome}
                onChange={(e) => set(n.id, { outcome: e.currentTarget.value as TrainingOutcome })}
                data={TRAINING_OUTCOMES.map((v) => ({ value: v, label: t(`enums.trainingOutcome.${v}`) }))}
                data-testid="result-outcome"
              />
              <TextInput
                type="number"
                aria-label={t("fields.score")}
                placeholder={t("fields.score")}
                min={0}
                max={100}
                value={draftOf(n.id).score}
                onChange={(e) => set(n.id, { score: e.currentTarget.value })}
                data-testid="result-score"
              />
              <TextInput
                aria-label={t("fields.remark")}
                placeholder={t("fields.remark")}
                value={draftOf(n.id).remark}
                onChange={(e) => set(n.id, { remark: e.currentTarget.value })}
              />
            </SimpleGrid>
          </Card>
        ))}
        {save.isSuccess ? (
          <Text size="sm" c="green" data-testid="results-saved">
            {t("trainingPages.saved")}
          </Text>
        ) : null}
        <Button
          onClick={submit}
          loading={save.isPending}
          disabled={accepted.length === 0}
          data-testid="results-save"
        >
          {t("trainingPages.saveResults")}
        </Button>
      </Stack>
    </Paper>
  );
}
