import { Anchor, Card, Group, NativeSelect, Text, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { zonedDay } from "../../../../common/dates";
import { DISTRICTS } from "../../../../common/districts";
import { addDays, isoWeekDays, isoWeekOf } from "../../../../common/periods";
import { withQuery } from "../../app/api-client";
import { currentLanguage } from "../../app/i18n";
import { useFormat } from "../../app/use-format";

const WEEKS = 26;

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
  const [week, setWeek] = useState(weeks[0]!.value);
  const [district, setDistrict] = useState("");
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
    </Card>
  );
}
