import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { BorderReportAction } from "../../../../common/enums";
import type {
  BorderReport,
  BorderReportCreateBody,
  BorderReportUpdateBody,
  Crossing,
} from "../../../../common/schemas/border";
import { api, type One, type Paged, type QueryParams } from "../../app/api-client";

const KEY = "border-reports";

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [KEY] });
}

export function useCrossings() {
  return useQuery({
    queryKey: ["crossings"],
    queryFn: () => api.get<{ data: Crossing[] }>("/api/v1/crossings").then((r) => r.data),
    staleTime: 5 * 60_000,
  });
}

export function useBorderReports(params: QueryParams, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, "list", params],
    queryFn: () => api.get<Paged<BorderReport>>("/api/v1/border-reports", params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSaveReport() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (
      input: { id: string; body: BorderReportUpdateBody } | { id: null; body: BorderReportCreateBody },
    ) =>
      (input.id
        ? api.patch<One<BorderReport>>(`/api/v1/border-reports/${input.id}`, input.body)
        : api.post<One<BorderReport>>("/api/v1/border-reports", input.body)
      ).then((r) => r.data),
    onSuccess: invalidate,
  });
}

export function useStepReport() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: BorderReportAction; reason: string | null }) =>
      api.post<One<BorderReport>>(`/api/v1/border-reports/${id}/${action}`, { reason }).then((r) => r.data),
    onSuccess: invalidate,
  });
}
