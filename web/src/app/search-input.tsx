import { TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../../common/limits";

/** A search box that reports its text once typing pauses. */
export function SearchInput({
  placeholder,
  onSearch,
}: {
  placeholder: string;
  onSearch: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const report = useDebouncedCallback((value: string) => onSearch(value.trim()), 300);
  return (
    <TextInput
      type="search"
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        report(e.currentTarget.value);
      }}
      placeholder={placeholder}
      aria-label={t("common.search")}
      maxLength={LIMITS.search}
      w={{ base: "100%", sm: 300 }}
    />
  );
}
