import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { NeedAction } from "../../../../common/enums";
import type {
  DeliveryBody,
  Need,
  NeedCreateBody,
  NeedDetail,
  NeedTotals,
  PledgeBody,
  Problem,
  ProblemCreateBody,
  ProblemToNeedBody,
  UnmetSummary,
} from "../../../../common/schemas/needs";
import { api, withQuery, type One, type Paged, type QueryParams } from "../../app/api-client";

const KEY = "needs";
const PROBLEMS = "problems";

function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [KEY] }),
      queryClient.invalidateQueries({ queryKey: [PROBLEMS] }),
    ]);
}

export type NeedList = Paged<Need> & { totals: NeedTotals };

export function useNeedList(params: QueryParams) {
  return useQuery({
    queryKey: [KEY, "list", params],
    queryFn: () => api.get<NeedList>("/api/v1/needs", params),
    placeholderData: keepPreviousData,
  });
}

export function useNeed(id: string) {
  return useQuery({
    queryKey: [KEY, "one", id],
    queryFn: () => api.get<One<NeedDetail>>(`/api/v1/needs/${id}`).then((r) => r.data),
  });
}

export function useUnmetSummary() {
  return useQuery({
    queryKey: [KEY, "unmet"],
    queryFn: () => api.get<One<UnmetSummary>>("/api/v1/needs/unmet-summary").then((r) => r.data),
  });
}

/** Where an export of the filtered register downloads from (the browser streams it to a file). */
export function exportUrl(format: "csv" | "xlsx", filters: QueryParams): string {
  return withQuery(`/api/v1/needs/export.${format}`, filters);
}

export function useCreateNeed() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: NeedCreateBody) => api.post<One<Need>>("/api/v1/needs", body).then((r) => r.data),
    onSuccess: invalidate,
  });
}

export function useNeedStep() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, action, comment }: { id: string; action: NeedAction; comment: string | null }) =>
      api.post<One<Need>>(`/api/v1/needs/${id}/${action}`, { comment }).then((r) => r.data),
    onSuccess: invalidate,
  });
}

export function usePledge() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PledgeBody }) =>
      api.post<One<Need>>(`/api/v1/needs/${id}/pledges`, body).then((r) => r.data),
    onSuccess: invalidate,
  });
}

export function useDeliver() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DeliveryBody }) =>
      api.post<One<Need>>(`/api/v1/needs/${id}/deliveries`, body).then((r) => r.data),
    onSuccess: invalidate,
  });
}

export function useProblemList(params: QueryParams) {
  return useQuery({
    queryKey: [PROBLEMS, "list", params],
    queryFn: () => api.get<Paged<Problem>>("/api/v1/problems", params),
    placeholderData: keepPreviousData,
  });
}

export function useCreateProblem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ProblemCreateBody) =>
      api.post<One<Problem>>("/api/v1/problems", body).then((r) => r.data),
    onSuccess: invalidate,
  });
}

export function useConvertProblem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ProblemToNeedBody }) =>
      api
        .post<One<{ problem: Problem; need: Need }>>(`/api/v1/problems/${id}/convert-to-need`, body)
        .then((r) => r.data),
    onSuccess: invalidate,
  });
}

export function useCloseProblem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api.post<One<Problem>>(`/api/v1/problems/${id}/close`).then((r) => r.data),
    onSuccess: invalidate,
  });
}
