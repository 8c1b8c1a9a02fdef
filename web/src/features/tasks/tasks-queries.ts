import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  BoardResponse,
  ContributionBody,
  Task,
  TaskCreateBody,
  TaskDetail,
  TaskStatusBody,
  TaskSupportsBody,
  TaskTimelineResponse,
  TaskUpdateBody,
} from "../../../../common/schemas/tasks";
import { api, type One, type Paged, type QueryParams } from "../../app/api-client";

export type Board = z.infer<typeof BoardResponse>["data"];
export type TimelineEntry = z.infer<typeof TaskTimelineResponse>["data"][number];

export const useTasks = (params: QueryParams, enabled = true) =>
  useQuery({
    queryKey: ["tasks", "list", params],
    queryFn: () => api.get<Paged<Task>>("/api/v1/tasks", params),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useTask = (id: string) =>
  useQuery({
    queryKey: ["tasks", "one", id],
    queryFn: () => api.get<One<TaskDetail>>(`/api/v1/tasks/${id}`).then((r) => r.data),
  });

export const useTimeline = (id: string) =>
  useQuery({
    queryKey: ["tasks", "timeline", id],
    queryFn: () => api.get<{ data: TimelineEntry[] }>(`/api/v1/tasks/${id}/timeline`).then((r) => r.data),
  });

export const useBoard = (agencyId: string | null) =>
  useQuery({
    queryKey: ["tasks", "board", agencyId],
    queryFn: () => api.get<One<Board>>("/api/v1/tasks/board", { agencyId }).then((r) => r.data),
  });

function useAction<B, R = unknown>(fn: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["tasks"] });
      void queryClient.invalidateQueries({ queryKey: ["plans"] });
    },
  });
}

export const useCreateTask = () =>
  useAction((body: Partial<TaskCreateBody>) =>
    api.post<One<Task>>("/api/v1/tasks", body).then((r) => r.data),
  );
export const useUpdateTask = (id: string) =>
  useAction((body: TaskUpdateBody) => api.patch(`/api/v1/tasks/${id}`, body));
export const useTaskStatus = (id: string) =>
  useAction((body: Partial<TaskStatusBody>) => api.post(`/api/v1/tasks/${id}/status`, body));
export const useSetSupports = (id: string) =>
  useAction((body: TaskSupportsBody) => api.put(`/api/v1/tasks/${id}/supports`, body));
export const useComment = (id: string) =>
  useAction((body: string) => api.post(`/api/v1/tasks/${id}/comments`, { body }));
export const useContribution = (id: string) =>
  useAction(({ agencyId, body }: { agencyId: string; body: ContributionBody }) =>
    api.patch(`/api/v1/tasks/${id}/contributions/${agencyId}`, body),
  );
