import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Person } from "../../../../common/schemas/personnel";
import { api, type Paged } from "../../app/api-client";
import { useFormat } from "../../app/use-format";
import { personName, personPosition } from "./person-name";

type Props = {
  label?: string;
  value: string | null;
  onChange: (person: Person | null) => void;
  placeholder?: string;
  "data-testid"?: string;
};

/** Finds a person in the personnel register by name as the user types (the server folds Arabic). */
export function PersonSelect({ value, onChange, ...props }: Props) {
  const { t } = useTranslation();
  const { prefs } = useFormat();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const { data = [] } = useQuery({
    queryKey: ["personnel", "pick", q],
    queryFn: () =>
      api.get<Paged<Person>>("/api/v1/personnel", { q, pageSize: 20, status: "active" }).then((r) => r.data),
    placeholderData: keepPreviousData,
  });
  const label = (p: Person) =>
    [p.rank, personName(p, prefs.language), personPosition(p, prefs.language)].filter(Boolean).join(" — ");
  return (
    <Select
      {...props}
      value={value}
      data={data.map((p) => ({ value: p.id, label: label(p) }))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(id) => onChange(data.find((p) => p.id === id) ?? null)}
      clearable
      nothingFoundMessage={t("common.noResults")}
      placeholder={props.placeholder ?? t("meetingPages.searchPersonnel")}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
