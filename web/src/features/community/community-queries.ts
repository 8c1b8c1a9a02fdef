import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CommunityReport, CommunityReportDetail } from "../../../../common/schemas/community";
import type { z } from "zod";
import { api, type One, type Paged, type QueryParams } from "../../app/api-client";

export type CommunityDetail = z.infer<typeof CommunityReportDetail>;
const KEY = "community-reports";
const PATH = "/api/v1/community-reports";

export function useCommunityReports(params: QueryParams) {
  return useQuery({
    queryKey: [KEY, "list", params],
    queryFn: () => api.get<Paged<CommunityReport>>(PATH, params),
    placeholderData: keepPreviousData,
  });
}

export function useCommunityReport(id: string) {
  return useQuery({
    queryKey: [KEY, "one", id],
    queryFn: () => api.get<One<CommunityDetail>>(`${PATH}/${id}`).then((r) => r.data),
  });
}

/** One inbox action (assign, reply, note, duplicate, convert, close) on a report; refreshes the inbox. */
export function useCommunityAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: string; body: unknown }) =>
      api.post<One<CommunityDetail>>(`${PATH}/${id}/${action}`, body).then((r) => r.data),
    onSuccess: (report) => {
      queryClient.setQueryData([KEY, "one", report.id], report);
      void queryClient.invalidateQueries({ queryKey: [KEY, "list"] });
    },
  });
}
