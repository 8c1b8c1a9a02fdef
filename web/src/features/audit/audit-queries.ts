import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { AuditEvent } from "../../../../common/schemas/audit";
import { api, type Paged, type QueryParams } from "../../app/api-client";

export function useAuditEvents(params: QueryParams) {
  return useQuery({
    queryKey: ["audit", params],
    queryFn: () => api.get<Paged<AuditEvent>>("/api/v1/audit", params),
    placeholderData: keepPreviousData,
  });
}
