import { useMemo } from "react";
import { useFormat } from "../../app/use-format";
import { agencyName } from "./agency-name";
import { useAgencyLookup } from "./agencies-queries";

/** Active agencies as options of a native select, by name in the interface language. */
export function useAgencyOptions() {
  const { prefs } = useFormat();
  const agencies = useAgencyLookup();
  return useMemo(
    () =>
      [...agencies.values()]
        .filter((a) => a.isActive)
        .map((a) => ({ value: a.id, label: agencyName(a, prefs.language) }))
        .sort((a, b) => a.label.localeCompare(b.label, prefs.language)),
    [agencies, prefs.language],
  );
}

/** The name of an agency by id, in the interface language. */
export function useAgencyNamer() {
  const { prefs } = useFormat();
  const agencies = useAgencyLookup();
  return (id: string | null) => {
    const agency = id ? agencies.get(id) : undefined;
    return agency ? agencyName(agency, prefs.language) : "—";
  };
}
