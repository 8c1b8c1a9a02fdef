import { ActionIcon, Button, Indicator, Popover, ScrollArea, Stack, Switch, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { Notification } from "../../../../common/schemas/notifications";
import { api, type Paged } from "../../app/api-client";
import { BellIcon } from "../../app/icons";
import { currentLanguage } from "../../app/i18n";
import { useFormat } from "../../app/use-format";
import { useLiveUpdates } from "../../app/use-live-updates";
import { useCurrentUser } from "../auth";

/** Where a notification about a record of each kind opens (tasks unless listed). */
const ENTITY_PATHS: Record<string, string> = { community_reports: "/community" };

type List = Paged<Notification> & { unread: number };
type Settings = { emailEnabled: boolean; smtpConfigured: boolean; hasEmail: boolean };

/** The bell: unread count, the latest notifications (opening one marks it read), mark all read, e-mail on/off. */
export function NotificationBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useLiveUpdates();
  const list = useQuery({
    queryKey: ["notifications", "list"],
    queryFn: () => api.get<List>("/api/v1/notifications", { pageSize: 20 }),
    refetchInterval: 120_000,
  });
  const settings = useQuery({
    queryKey: ["notifications", "settings"],
    queryFn: () => api.get<{ data: Settings }>("/api/v1/notifications/settings").then((r) => r.data),
  });
  const me = useCurrentUser();
  const isMailAdmin = me.permissions.includes("notifications.mailStatus");
  const mail = useQuery({
    queryKey: ["notifications", "mail"],
    queryFn: () =>
      api
        .get<{ data: { smtpConfigured: boolean; pending: number; sent: number; failed: number } }>(
          "/api/v1/admin/mail",
        )
        .then((r) => r.data),
    enabled: isMailAdmin,
  });
  const invalidate = () => void queryClient.invalidateQueries({ queryKey: ["notifications"] });
  const markRead = useMutation({
    mutationFn: (body: { ids?: string[]; all?: boolean }) => api.post("/api/v1/notifications/read", body),
    onSuccess: invalidate,
  });
  const setEmail = useMutation({
    mutationFn: (on: boolean) => api.put("/api/v1/notifications/settings", { emailEnabled: on }),
    onSuccess: invalidate,
  });
  const unread = list.data?.unread ?? 0;
  const language = currentLanguage();
  const text = (n: Notification) => {
    const p = n.params;
    const title = (language === "en" ? (p.titleEn ?? p.titleAr) : p.titleAr) ?? "";
    const status = typeof p.status === "string" ? t(`enums.taskStatus.${p.status as "todo"}`) : "";
    return t(`notifications.kinds.${n.kind}`, {
      reference: String(p.reference ?? ""),
      title: String(title),
      status,
    });
  };
  return (
    <Popover width={380} position="bottom-end" withinPortal>
      <Popover.Target>
        <Indicator label={unread} disabled={unread === 0} size={16} color="red">
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={t("notifications.bell", { count: unread })}
            data-testid="bell"
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Button
            size="xs"
            variant="subtle"
            disabled={unread === 0}
            onClick={() => markRead.mutate({ all: true })}
          >
            {t("notifications.markAllRead")}
          </Button>
          <ScrollArea.Autosize mah={360}>
            {(list.data?.data ?? []).length === 0 ? <Text size="sm">{t("notifications.empty")}</Text> : null}
            {(list.data?.data ?? []).map((n) => (
              <Text
                key={n.id}
                size="sm"
                fw={n.readAt ? 400 : 700}
                style={{ cursor: "pointer" }}
                mb={6}
                data-testid="notification"
                onClick={() => {
                  if (!n.readAt) markRead.mutate({ ids: [n.id] });
                  void navigate(`${ENTITY_PATHS[n.entity] ?? "/tasks"}/${n.entityId}`);
                }}
              >
                {text(n)}{" "}
                <Text span size="xs" c="dimmed">
                  {format.dateTime(n.createdAt)}
                </Text>
              </Text>
            ))}
          </ScrollArea.Autosize>
          {settings.data ? (
            <>
              <Switch
                label={t("notifications.emailOn")}
                checked={settings.data.emailEnabled}
                onChange={(e) => setEmail.mutate(e.currentTarget.checked)}
              />
              {!settings.data.smtpConfigured ? (
                <Text size="xs" c="dimmed" data-testid="smtp-off">
                  {t("notifications.smtpOff")}
                </Text>
              ) : mail.data ? (
                <Text size="xs" c="dimmed">
                  {t("notifications.smtpOn", mail.data)}
                </Text>
              ) : null}
              {!settings.data.hasEmail ? (
                <Text size="xs" c="dimmed">
                  {t("notifications.noEmail")}
                </Text>
              ) : null}
            </>
          ) : null}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
