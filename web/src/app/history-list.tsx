import { Box, Group, Text } from "@mantine/core";
import type { ReactNode } from "react";

export type HistoryEntry = {
  id: string;
  /** When, already formatted. */
  at: string;
  /** What happened: an action, a status (a badge), to whom. */
  what: ReactNode;
  /** Who did it. */
  who: string;
  note?: string | null;
};

/**
 * A record's log as a list that wraps at any width (a table of it is cut on a phone): each entry's when, what and
 * who on one line where they fit, its note under them.
 */
export function HistoryList({ entries, testId }: { entries: HistoryEntry[]; testId?: string }) {
  return (
    <Box component="ol" m={0} p={0} style={{ listStyle: "none" }} data-testid={testId}>
      {entries.map((entry, i) => (
        <Box
          component="li"
          key={entry.id}
          py={6}
          style={i > 0 ? { borderTop: "1px solid var(--mantine-color-default-border)" } : undefined}
          data-testid="history-entry"
        >
          <Group gap="xs" wrap="wrap" align="center">
            <Text size="sm" c="dimmed">
              <bdi>{entry.at}</bdi>
            </Text>
            {entry.what}
            <Text size="sm" c="dimmed">
              <bdi>{entry.who}</bdi>
            </Text>
          </Group>
          {entry.note ? (
            <Text size="sm" mt={2}>
              {entry.note}
            </Text>
          ) : null}
        </Box>
      ))}
    </Box>
  );
}
