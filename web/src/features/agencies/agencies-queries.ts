import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Agency, AgencyCreateBody, AgencyUpdateBody } from "../../../../common/schemas/agencies";
import { api } from "../../app/api-client";
import { resourceHooks } from "../../app/resource-hooks";
import type { StatusFilterValue } from "../../app/status-filter";

export const agencyHooks = resourceHooks<Agency, AgencyCreateBody, AgencyUpdateBody>(
  "agencies",
  "/api/v1/agencies",
);

/** Every agency the user may see, flat (the tree is built in the browser). */
export function useAgencyTree(status: StatusFilterValue) {
  return useQuery({
    queryKey: [agencyHooks.key, "tree", status],
    queryFn: () => api.get<{ data: Agency[] }>("/api/v1/agencies/tree", { status }).then((r) => r.data),
    staleTime: 60_000,
  });
}

/** Agencies by id, to name the agency of a user or a person. */
export function useAgencyLookup(): Map<string, Agency> {
  const { data } = useAgencyTree("all");
  return useMemo(() => new Map((data ?? []).map((a) => [a.id, a])), [data]);
}
