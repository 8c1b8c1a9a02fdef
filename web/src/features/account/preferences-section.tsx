import { Input, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CALENDARS, LANGUAGES, NUMERALS } from "../../../../common/enums";
import { ErrorAlert } from "../../app/error-alert";
import { applyLanguage } from "../../app/i18n";
import { useFormat } from "../../app/use-format";
import { useCurrentUser, useSavePreferences, type Preferences } from "../auth";

/** Language, calendar and digits; each choice is saved at once. */
export function PreferencesSection() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const save = useSavePreferences();
  const format = useFormat();

  const choose = (prefs: Preferences) => {
    if (prefs.language) void applyLanguage(prefs.language);
    save.mutate(prefs);
  };

  return (
    <Stack gap="sm">
      <Title order={3}>{t("account.preferences")}</Title>
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <Input.Wrapper label={t("fields.language")}>
        <div>
          <SegmentedControl
            value={me.language}
            onChange={(v) => choose({ language: LANGUAGES.find((l) => l === v) ?? me.language })}
            data={LANGUAGES.map((l) => ({ value: l, label: t(`enums.language.${l}`) }))}
            data-testid="pref-language"
          />
        </div>
      </Input.Wrapper>
      <Input.Wrapper label={t("fields.calendar")}>
        <div>
          <SegmentedControl
            value={me.calendar}
            onChange={(v) => choose({ calendar: CALENDARS.find((c) => c === v) ?? me.calendar })}
            data={CALENDARS.map((c) => ({ value: c, label: t(`enums.calendar.${c}`) }))}
            data-testid="pref-calendar"
          />
        </div>
      </Input.Wrapper>
      <Input.Wrapper label={t("fields.numerals")}>
        <div>
          <SegmentedControl
            value={me.numerals}
            onChange={(v) => choose({ numerals: NUMERALS.find((n) => n === v) ?? me.numerals })}
            data={NUMERALS.map((n) => ({ value: n, label: t(`enums.numerals.${n}`) }))}
            data-testid="pref-numerals"
          />
        </div>
      </Input.Wrapper>
      <Text size="sm" c="dimmed" data-testid="pref-example">
        <bdi>{format.dateTime(new Date().toISOString())}</bdi>
      </Text>
    </Stack>
  );
}
