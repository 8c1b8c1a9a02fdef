import { Button, Code, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEvent } from "../../../../common/schemas/audit";
import { useFormat } from "../../app/use-format";
import { actionLabel, entityLabel, eventReference } from "./audit-labels";

const COLUMNS = 6;

function Snapshot({ title, value }: { title: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={700}>
        {title}
      </Text>
      {value === null || value === undefined ? (
        <Text size="sm" c="dimmed">
          {t("audit.noData")}
        </Text>
      ) : (
        <Code block className="ltr-block" dir="ltr">
          {JSON.stringify(value, null, 2)}
        </Code>
      )}
    </Stack>
  );
}

/** Audit events, newest first as the server sends them; each row opens on its before/after. */
export function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (seq: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(seq)) next.add(seq);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="xs" data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("audit.time")}</Table.Th>
            <Table.Th>{t("audit.actor")}</Table.Th>
            <Table.Th>{t("audit.action")}</Table.Th>
            <Table.Th>{t("audit.entity")}</Table.Th>
            <Table.Th>{t("audit.reference")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const isOpen = open.has(event.seq);
            const reference = eventReference(event);
            return (
              <Fragment key={event.seq}>
                <Table.Tr>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                      <bdi>{format.dateTime(event.at)}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      <bdi>{event.actorLabel}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{actionLabel(event.action)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entityLabel(event.entity)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {reference ? <bdi>{reference}</bdi> : t("common.none")}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => toggle(event.seq)}
                      aria-expanded={isOpen}
                    >
                      {isOpen ? t("audit.hideDetails") : t("audit.showDetails")}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {isOpen ? (
                  <Table.Tr>
                    <Table.Td colSpan={COLUMNS} bg="gray.0">
                      <SimpleGrid cols={{ base: 1, md: 2 }}>
                        <Snapshot title={t("audit.before")} value={event.before} />
                        <Snapshot title={t("audit.after")} value={event.after} />
                      </SimpleGrid>
                      <Text size="xs" c="dimmed" mt="xs">
                        {t("audit.sequence")}: <bdi>{format.number(event.seq)}</bdi>
                        {event.entityId ? (
                          <>
                            {" · "}
                            {t("fields.entityId")}: <bdi className="ltr-block">{event.entityId}</bdi>
                          </>
                        ) : null}
                        {" · "}
                        {t("audit.hash")}: <bdi className="ltr-block">{event.hash.slice(0, 16)}</bdi>
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
