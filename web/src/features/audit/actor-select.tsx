import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { arabicFilter } from "../../app/arabic-filter";
import { currentLanguage } from "../../app/i18n";
import { userHooks } from "../users";

type Props = { value: string; onChange: (value: string) => void; enabled: boolean };

/** Chooses whose actions to show, from the users the viewer may list. */
export function ActorSelect({ value, onChange, enabled }: Props) {
  const { t } = useTranslation();
  const { data } = userHooks.useList({ status: "all", pageSize: 100 }, enabled);
  const isArabic = currentLanguage() === "ar";
  const options = (data?.data ?? []).map((u) => ({
    value: u.id,
    label: `${isArabic ? u.displayNameAr : u.displayNameEn} (${u.username})`,
  }));
  return (
    <Select
      label={t("audit.actor")}
      value={value || null}
      onChange={(v) => onChange(v ?? "")}
      data={options}
      placeholder={t("audit.anyActor")}
      searchable
      filter={arabicFilter}
      clearable
      disabled={!enabled}
    />
  );
}
