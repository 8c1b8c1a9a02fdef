import { Select } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { arabicFilter } from "../../app/arabic-filter";
import { useFormat } from "../../app/use-format";
import { useAgencyTree } from "./agencies-queries";
import { agencyName, byAgencyName } from "./agency-name";
import { buildAgencyTree, flattenTree } from "./build-tree";

type Props = {
  label?: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  placeholder?: string;
  clearable?: boolean;
  required?: boolean;
  /** Agencies that may not be chosen (e.g. an agency and its own units, as its parent). */
  exclude?: ReadonlySet<string>;
  "data-testid"?: string;
};

/** Chooses an agency from the tree; active agencies only, plus the current value. */
export function AgencySelect({ exclude, value, ...props }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data = [], isPending } = useAgencyTree("all");

  const language = format.prefs.language;
  const { options, depthOf } = useMemo(() => {
    const rows = flattenTree(buildAgencyTree(data, byAgencyName(language)), () => true).filter(
      (r) => (r.agency.isActive || r.agency.id === value) && !exclude?.has(r.agency.id),
    );
    return {
      options: rows.map((r) => ({
        value: r.agency.id,
        label: `${agencyName(r.agency, language)} — ${r.agency.code}`,
      })),
      depthOf: new Map(rows.map((r) => [r.agency.id, r.depth])),
    };
  }, [data, exclude, value, language]);

  return (
    <Select
      {...props}
      value={value}
      data={options}
      searchable
      filter={arabicFilter}
      limit={200}
      disabled={isPending}
      nothingFoundMessage={t("common.noResults")}
      placeholder={props.placeholder ?? t("agencies.choose")}
      renderOption={({ option }) => (
        <span style={{ paddingInlineStart: `${(depthOf.get(option.value) ?? 0) * 0.9}rem` }}>
          {option.label}
        </span>
      )}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
