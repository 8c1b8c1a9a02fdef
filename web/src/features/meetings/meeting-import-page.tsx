import { Badge, Button, Card, Group, List, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { MeetingExtractResponse } from "../../../../common/schemas/meetings";
import { api } from "../../app/api-client";
import { ErrorAlert } from "../../app/error-alert";
import { PageHeader } from "../../app/page-header";

type Proposal = MeetingExtractResponse["data"];
type Span = { start: number; end: number };
type Mark = Span & { kind: "person" | "statement" | "commitment" | "honour" | "date" | "place" };

const MARK_COLOURS: Record<Mark["kind"], string> = {
  person: "var(--mantine-color-blue-1)",
  statement: "var(--mantine-color-gray-2)",
  commitment: "var(--mantine-color-yellow-2)",
  honour: "var(--mantine-color-green-2)",
  date: "var(--mantine-color-grape-1)",
  place: "var(--mantine-color-grape-1)",
};

/** The report with every extracted span highlighted (outer spans first; overlaps keep the first). */
function Highlighted({ text, marks }: { text: string; marks: Mark[] }) {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of sorted) {
    if (m.start < at) continue;
    if (m.start > at) parts.push(text.slice(at, m.start));
    parts.push(
      <mark key={`${m.kind}-${m.start}`} data-kind={m.kind} style={{ background: MARK_COLOURS[m.kind] }}>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  parts.push(text.slice(at));
  return (
    <Text component="div" style={{ whiteSpace: "pre-wrap", lineHeight: 2 }} data-testid="import-source">
      {parts}
    </Text>
  );
}

function marksOf(p: Proposal["proposal"]): Mark[] {
  return [
    ...p.people.map((x) => ({ ...x.span, kind: "person" as const })),
    ...p.honours.map((x) => ({ ...x.span, kind: "honour" as const })),
    ...p.commitments.map((x) => ({ ...x.span, kind: "commitment" as const })),
    ...p.statements.flatMap((s) => s.sentences.map((x) => ({ ...x.span, kind: "statement" as const }))),
    ...(p.date ? [{ ...p.date.span, kind: "date" as const }] : []),
    ...(p.place ? [{ ...p.place.span, kind: "place" as const }] : []),
  ];
}

/** Paste a report and its publication date; review the proposed meeting with its source highlighted. */
export function MeetingImportPage() {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [publicationDate, setPublicationDate] = useState("");
  const extract = useMutation({
    mutationFn: () =>
      api.post<MeetingExtractResponse>("/api/v1/meetings/extract", {
        text,
        publicationDate: publicationDate === "" ? null : publicationDate,
      }),
  });
  const result = extract.data?.data;
  const p = result?.proposal;
  const who = (id: string | null) => {
    const person = p?.people.find((x) => x.id === id);
    return person
      ? [person.title, person.rank, person.name].filter(Boolean).join(" ")
      : t("meetings.unknownPerson");
  };
  return (
    <Stack>
      <PageHeader title={t("meetings.importTitle")} />
      <Textarea
        label={t("meetings.reportText")}
        minRows={8}
        autosize
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        data-testid="import-text"
        dir="rtl"
      />
      <Group align="end">
        <TextInput
          type="date"
          label={t("meetings.publicationDate")}
          value={publicationDate}
          onChange={(e) => setPublicationDate(e.currentTarget.value)}
          data-testid="import-date"
        />
        <Button onClick={() => extract.mutate()} loading={extract.isPending} data-testid="import-extract">
          {t("meetings.extract")}
        </Button>
      </Group>
      {extract.error ? <ErrorAlert error={extract.error} /> : null}
      {result && p ? (
        <Stack data-testid="import-proposal">
          {result.warnings.length > 0 ? (
            <Group gap="xs">
              {result.warnings.map((w) => (
                <Badge key={w} color="orange" variant="light">
                  {t(`extraction.warnings.${w}` as "extraction.warnings.no_date")}
                </Badge>
              ))}
            </Group>
          ) : null}
          <Card withBorder>
            <Highlighted text={text} marks={marksOf(p)} />
          </Card>
          <Card withBorder>
            <Title order={4}>{p.title}</Title>
            <Text>
              {t("meetings.date")}: <bdi>{p.date?.date ?? "—"}</bdi>{" "}
              {p.date?.partOfDay ? t(`extraction.partsOfDay.${p.date.partOfDay}`) : ""}
            </Text>
            <Text>
              {t("meetings.place")}: {p.place?.text ?? "—"}
            </Text>
            <Text>
              {t("meetings.host")}: <span data-testid="import-host">{who(p.hostId)}</span>
            </Text>
          </Card>
          <Card withBorder>
            <Title order={5}>{t("meetings.attendees")}</Title>
            <List data-testid="import-attendees">
              {p.people
                .filter((x) => x.role === "attendee")
                .map((x) => (
                  <List.Item key={x.id}>
                    {who(x.id)}
                    {x.personnelMatches.length > 0 ? (
                      <Badge ms="xs" variant="light">
                        {t("meetings.maybe", { name: x.personnelMatches[0]!.name })}
                      </Badge>
                    ) : null}
                  </List.Item>
                ))}
            </List>
          </Card>
          <Card withBorder>
            <Title order={5}>{t("meetings.statements")}</Title>
            {p.statements.map((s) => (
              <Stack key={s.span.start} gap={2} mb="sm">
                <Text fw={700}>{who(s.speakerId)}</Text>
                <List>
                  {s.sentences.map((x) => (
                    <List.Item key={x.span.start}>{x.text}</List.Item>
                  ))}
                </List>
              </Stack>
            ))}
          </Card>
          <Card withBorder>
            <Title order={5}>{t("meetings.commitments")}</Title>
            <List>
              {p.commitments.map((c) => (
                <List.Item key={c.span.start}>
                  {who(c.ownerPersonId)}: {c.text}{" "}
                  <Badge variant="light">{t(`extraction.topics.${c.topic}`)}</Badge>
                </List.Item>
              ))}
            </List>
          </Card>
          <Card withBorder>
            <Title order={5}>{t("meetings.honours")}</Title>
            <List data-testid="import-honours">
              {p.honours.map((h) => (
                <List.Item key={h.span.start}>
                  {t(`extraction.honourKinds.${h.kind}`)}: {h.title} — {who(h.recipientPersonId)}
                </List.Item>
              ))}
            </List>
          </Card>
        </Stack>
      ) : null}
    </Stack>
  );
}
