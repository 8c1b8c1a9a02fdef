import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from "@mantine/core";
import { foldArabic } from "../../../common/arabic";

/** Select/combobox search that ignores diacritics, hamza forms, ta marbuta and Arabic-Indic digits. */
export const arabicFilter: OptionsFilter = ({ options, search, limit }) => {
  const needle = foldArabic(search);
  if (!needle) return options.slice(0, limit);
  const matches = (item: ComboboxItem) => foldArabic(item.label).includes(needle);
  const found: ComboboxParsedItem[] = [];
  for (const option of options) {
    if ("group" in option) {
      const items = option.items.filter(matches);
      if (items.length > 0) found.push({ ...option, items });
    } else if (matches(option)) {
      found.push(option);
    }
    if (found.length >= limit) break;
  }
  return found;
};
