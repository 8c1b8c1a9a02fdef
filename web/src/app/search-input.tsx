import { TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../../common/limits";

/** A search box that reports its text once typing pauses, or at once on Enter. */
export function SearchInput({
  placeholder,
  onSearch,
  initial = "",
}: {
  placeholder: string;
  onSearch: (text: string) => void;
  /** The text the list was opened with (its address's `q`), shown in the box. */
  initial?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const report = useDebouncedCallback((value: string) => onSearch(value.trim()), 300);
  // The list's search changed under the box (a link to the list without one): the box follows, unless the reader is
  // typing.
  useEffect(() => {
    if (!report.isPending()) setText((shown) => (shown.trim() === initial ? shown : initial));
  }, [initial, report]);
  return (
    <TextInput
      type="search"
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        report(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter") report.flush(); // Enter searches now
      }}
      placeholder={placeholder}
      aria-label={t("common.search")}
      maxLength={LIMITS.search}
      w={{ base: "100%", sm: 300 }}
    />
  );
}
