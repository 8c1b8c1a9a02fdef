import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type One, type Paged, type QueryParams } from "./api-client";

/**
 * Query hooks for a collection with the API's common shape: paged list, create, patch, deactivate and
 * reactivate. Every change refreshes all queries under the collection's key.
 */
export function resourceHooks<T, CreateBody, UpdateBody>(key: string, path: string) {
  const useInvalidate = () => {
    const queryClient = useQueryClient();
    return () => queryClient.invalidateQueries({ queryKey: [key] });
  };

  return {
    key,
    useList(params: QueryParams, enabled = true) {
      return useQuery({
        queryKey: [key, "list", params],
        queryFn: () => api.get<Paged<T>>(path, params),
        placeholderData: keepPreviousData,
        enabled,
      });
    },
    useCreate() {
      const invalidate = useInvalidate();
      return useMutation({
        mutationFn: (body: CreateBody) => api.post<One<T>>(path, body).then((r) => r.data),
        onSuccess: invalidate,
      });
    },
    useUpdate() {
      const invalidate = useInvalidate();
      return useMutation({
        mutationFn: ({ id, body }: { id: string; body: UpdateBody }) =>
          api.patch<One<T>>(`${path}/${id}`, body).then((r) => r.data),
        onSuccess: invalidate,
      });
    },
    useSetActive() {
      const invalidate = useInvalidate();
      return useMutation({
        mutationFn: ({ id, active }: { id: string; active: boolean }) =>
          api.post<One<T>>(`${path}/${id}/${active ? "reactivate" : "deactivate"}`).then((r) => r.data),
        onSuccess: invalidate,
      });
    },
  };
}
