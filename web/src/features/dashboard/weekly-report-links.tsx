import { Anchor, Card, Group, NativeSelect, Stack, Switch, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { ReportSubscription } from "../../../../common/schemas/reports";
import { zonedDay } from "../../../../common/dates";
import { DISTRICTS } from "../../../../common/districts";
import { addDays, isoWeekDays, isoWeekOf } from "../../../../common/periods";
import { api, withQuery, type One } from "../../app/api-client";
import { ErrorAlert } from "../../app/error-alert";
import { currentLanguage } from "../../app/i18n";
import { useFormat } from "../../app/use-format";

const WEEKS = 26;
const SUBSCRIPTION = "/api/v1/reports/weekly/subscription";

/** Receiving the report by e-mail every week, for the district chosen beside it. */
function WeeklyEmailSwitch({ district }: { district: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: ["report-subscription"],
    queryFn: () => api.get<One<ReportSubscription>>(SUBSCRIPTION).then((r) => r.data),
  });
  const save = useMutation({
    mutationFn: (on: boolean) =>
      api.put<One<ReportSubscription>>(SUBSCRIPTION, { subscribed: on, district: district || null }),
    onSuccess: (r) => queryClient.setQueryData(["report-subscription"], r.data),
  });
  if (!data) return null;
  const chosen = DISTRICTS.find((d) => d.pcode === data.district);
  const area = chosen
    ? currentLanguage() === "ar"
      ? chosen.nameAr
      : chosen.nameEn
    : t("weeklyReport.allDistricts");
  const hint = t("weeklyReport.subscribedHint", { area });
  return (
    <Stack gap={4}>
      <Switch
        checked={data.subscribed}
        disabled={save.isPending}
        onChange={(e) => save.mutate(e.currentTarget.checked)}
        label={t("weeklyReport.subscribe")}
        description={data.subscribed ? hint : undefined}
        data-testid="weekly-report-email"
      />
      {save.error ? <ErrorAlert error={save.error} /> : null}
    </Stack>
  );
}

/**
 * The weekly security report to download: a whole week (the last one first, half a year back) and, optionally, a
 * district; as a PDF to print or send, or as a workbook. The figures are the reader's, as on this page.
 */
export function WeeklyReportLinks() {
  const { t } = useTranslation();
  const format = useFormat();
  const language = currentLanguage();
  const weeks = useMemo(() => {
    const today = zonedDay(new Date());
    return Array.from({ length: WEEKS }, (_, i) => {
      const week = isoWeekOf(addDays(today, -7 * (i + 1)));
      const days = isoWeekDays(week)!;
      return { value: week, label: `${format.date(days.from)} – ${format.date(days.to)}` };
    });
  }, [format]);
  // An e-mailed report links here with its week and district.
  const [search] = useSearchParams();
  const asked = search.get("week");
  const [week, setWeek] = useState(weeks.find((w) => w.value === asked)?.value ?? weeks[0]!.value);
  const [district, setDistrict] = useState(
    DISTRICTS.find((d) => d.pcode === search.get("district"))?.pcode ?? "",
  );
  const query = { week, ...(district ? { district } : {}) };
  return (
    <Card withBorder data-testid="weekly-report">
      <Title order={4} mb="xs">
        {t("weeklyReport.download")}
      </Title>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t("weeklyReport.week")}
          value={week}
          onChange={(e) => setWeek(e.currentTarget.value)}
          data={weeks}
          data-testid="weekly-report-week"
        />
        <NativeSelect
          label={t("weeklyReport.district")}
          value={district}
          onChange={(e) => setDistrict(e.currentTarget.value)}
          data={[
            { value: "", label: t("weeklyReport.allDistricts") },
            ...DISTRICTS.map((d) => ({ value: d.pcode, label: language === "ar" ? d.nameAr : d.nameEn })),
          ]}
          data-testid="weekly-report-district"
        />
        <Group gap="md" pb={6}>
          <Anchor href={withQuery("/api/v1/reports/weekly.pdf", query)} data-testid="weekly-report-pdf">
            <Text span fw={700}>
              {t("weeklyReport.pdf")}
            </Text>
          </Anchor>
          <Anchor href={withQuery("/api/v1/reports/weekly.xlsx", query)} data-testid="weekly-report-xlsx">
            <Text span fw={700}>
              {t("weeklyReport.xlsx")}
            </Text>
          </Anchor>
        </Group>
      </Group>
      <Stack mt="sm">
        <WeeklyEmailSwitch district={district} />
      </Stack>
    </Card>
  );
}
