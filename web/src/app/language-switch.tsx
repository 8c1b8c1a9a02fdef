import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../common/enums";
import { useMe, useSavePreferences } from "../features/auth";
import { applyLanguage, currentLanguage } from "./i18n";

/** ar ⇄ en. Saved on the account when signed in, in this browser otherwise. */
export function LanguageSwitch({ onSwitch }: { onSwitch?: (language: Language) => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const savePreferences = useSavePreferences();
  const next = currentLanguage() === "ar" ? "en" : "ar";

  const onClick = () => {
    void applyLanguage(next);
    if (me) savePreferences.mutate({ language: next });
    onSwitch?.(next);
  };

  return (
    <Button
      variant="default"
      size="xs"
      flex="none"
      onClick={onClick}
      lang={next}
      aria-label={t("nav.switchLanguageLabel")}
      data-testid="lang-switch"
    >
      {t("nav.switchLanguage")}
    </Button>
  );
}
