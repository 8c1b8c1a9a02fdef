import { Button, List, Table, Text } from "@mantine/core";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEvent } from "../../../../common/schemas/audit";
import { useFormat } from "../../app/use-format";
import { useAgencyNamer } from "../agencies";
import { describe } from "./audit-labels";

const COLUMNS = 3;

/** Audit events, newest first as the server sends them: each a sentence; a row opens on what changed. */
export function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const agencyName = useAgencyNamer();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (seq: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(seq)) next.add(seq);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("audit.time")}</Table.Th>
            <Table.Th>{t("audit.action")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const isOpen = open.has(event.seq);
            const described = describe(event, (id) => {
              const name = agencyName(id);
              return name === "—" ? null : name;
            });
            return (
              <Fragment key={event.seq}>
                <Table.Tr data-testid="audit-row">
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                      <bdi>{format.dateTime(event.at)}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" data-testid="audit-sentence">
                      {described.sentence}
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
                    <Table.Td colSpan={COLUMNS} bg="gray.0" data-testid="audit-details">
                      <Text size="sm" fw={700}>
                        {t("audit.changes")}
                      </Text>
                      {event.redacted ? (
                        <Text size="sm" c="dimmed">
                          {t("audit.redacted")}
                        </Text>
                      ) : described.changes.length + described.fields.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {t("audit.noChanges")}
                        </Text>
                      ) : (
                        <List size="sm">
                          {described.changes.map((c) => (
                            <List.Item key={c.field}>{t("audit.change", c)}</List.Item>
                          ))}
                          {described.fields.map((f) => (
                            <List.Item key={f.field}>
                              {f.field}: {f.value}
                            </List.Item>
                          ))}
                        </List>
                      )}
                      <Text size="xs" c="dimmed" mt="xs">
                        {t("audit.sequence")}: <bdi>{format.number(event.seq)}</bdi>
                        {" · "}
                        {t("audit.hash")}:{" "}
                        <bdi className="ltr-block" translate="no">
                          {event.hash.slice(0, 16)}
                        </bdi>
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
