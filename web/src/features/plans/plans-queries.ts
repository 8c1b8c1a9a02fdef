import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  IndicatorBody,
  MeasurementBody,
  ObjectiveBody,
  Plan,
  PlanCreateBody,
  PlanDetailResponse,
  RegionOverviewResponse,
} from "../../../../common/schemas/plans";
import type { z } from "zod";
import { api, type One, type Paged, type QueryParams } from "../../app/api-client";

export type PlanDetail = z.infer<typeof PlanDetailResponse>["data"];
export type RegionOverview = z.infer<typeof RegionOverviewResponse>["data"];

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ["plans"] });
    void queryClient.invalidateQueries({ queryKey: ["tasks"] });
  };
}

export const usePlans = (params: QueryParams) =>
  useQuery({
    queryKey: ["plans", "list", params],
    queryFn: () => api.get<Paged<Plan>>("/api/v1/plans", params),
    placeholderData: keepPreviousData,
  });

export const usePlan = (id: string, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: ["plans", "one", id],
    queryFn: () => api.get<One<PlanDetail>>(`/api/v1/plans/${id}`).then((r) => r.data),
    enabled,
  });

export const useOverview = () =>
  useQuery({
    queryKey: ["plans", "overview"],
    queryFn: () => api.get<One<RegionOverview>>("/api/v1/plans/overview").then((r) => r.data),
  });

function useAction<B, R = unknown>(fn: (body: B) => Promise<R>) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: fn, onSuccess: invalidate });
}

export const useCreatePlan = () =>
  useAction((body: Partial<PlanCreateBody>) =>
    api.post<One<Plan>>("/api/v1/plans", body).then((r) => r.data),
  );
export const useUpdatePlan = (id: string) =>
  useAction((body: Partial<PlanCreateBody>) =>
    api.patch<One<Plan>>(`/api/v1/plans/${id}`, body).then((r) => r.data),
  );
export const usePlanStatus = (id: string) =>
  useAction((verb: "activate" | "complete" | "archive") => api.post(`/api/v1/plans/${id}/${verb}`));
export const useAddObjective = (planId: string) =>
  useAction((body: Partial<ObjectiveBody>) => api.post(`/api/v1/plans/${planId}/objectives`, body));
export const useAddIndicator = () =>
  useAction(({ objectiveId, body }: { objectiveId: string; body: Partial<IndicatorBody> }) =>
    api.post(`/api/v1/objectives/${objectiveId}/indicators`, body),
  );
export const useMeasure = () =>
  useAction(({ indicatorId, body }: { indicatorId: string; body: Partial<MeasurementBody> }) =>
    api.post(`/api/v1/indicators/${indicatorId}/measurements`, body),
  );
