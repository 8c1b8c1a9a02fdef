import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { IncidentAction } from "../../../../common/enums";
import type {
  CustodyBody,
  Incident,
  IncidentCreateBody,
  IncidentDetail,
  IncidentType,
  IncidentTypeCreateBody,
  IncidentTypeUpdateBody,
  IncidentUpdateBody,
  Referral,
  ReferralCreateBody,
  ReferralUpdateBody,
  Seizure,
  SeizureCreateBody,
} from "../../../../common/schemas/incidents";
import { api, type One, type Paged, type QueryParams } from "../../app/api-client";

const KEY = "incidents";
const TYPES = "incident-types";

function useInvalidate(key = KEY) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [key] });
}

export function useIncidentTypes() {
  return useQuery({
    queryKey: [TYPES],
    queryFn: () => api.get<{ data: IncidentType[] }>("/api/v1/incident-types").then((r) => r.data),
    staleTime: 5 * 60_000,
  });
}

export function useIncidentList(params: QueryParams) {
  return useQuery({
    queryKey: [KEY, "list", params],
    queryFn: () => api.get<Paged<Incident>>("/api/v1/incidents", params),
    placeholderData: keepPreviousData,
  });
}

export function useIncident(id: string) {
  return useQuery({
    queryKey: [KEY, "one", id],
    queryFn: () => api.get<One<IncidentDetail>>(`/api/v1/incidents/${id}`).then((r) => r.data),
  });
}

export function useCreateIncident() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: IncidentCreateBody) =>
      api.post<One<Incident>>("/api/v1/incidents", body).then((r) => r.data),
    onSuccess: invalidate,
  });
}

export function useUpdateIncident() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: IncidentUpdateBody }) =>
      api.patch<One<Incident>>(`/api/v1/incidents/${id}`, body).then((r) => r.data),
    onSuccess: invalidate,
  });
}

export function useIncidentStep() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: IncidentAction; reason: string | null }) =>
      api.post<One<Incident>>(`/api/v1/incidents/${id}/${action}`, { reason }).then((r) => r.data),
    onSuccess: invalidate,
  });
}

export function useAddSeizure() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SeizureCreateBody }) =>
      api.post<One<Seizure>>(`/api/v1/incidents/${id}/seizures`, body).then((r) => r.data),
    onSuccess: invalidate,
  });
}

export function useCustody() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CustodyBody }) =>
      api.post<One<Seizure>>(`/api/v1/seizures/${id}/custody`, body).then((r) => r.data),
    onSuccess: invalidate,
  });
}

export function useAddReferral() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReferralCreateBody }) =>
      api.post<One<Referral>>(`/api/v1/incidents/${id}/referrals`, body).then((r) => r.data),
    onSuccess: invalidate,
  });
}

export function useUpdateReferral() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReferralUpdateBody }) =>
      api.patch<One<Referral>>(`/api/v1/referrals/${id}`, body).then((r) => r.data),
    onSuccess: invalidate,
  });
}

export function useSaveIncidentType() {
  const invalidate = useInvalidate(TYPES);
  return useMutation({
    mutationFn: (
      input: { id: null; body: IncidentTypeCreateBody } | { id: string; body: IncidentTypeUpdateBody },
    ) =>
      (input.id === null
        ? api.post<One<IncidentType>>("/api/v1/incident-types", input.body)
        : api.patch<One<IncidentType>>(`/api/v1/incident-types/${input.id}`, input.body)
      ).then((r) => r.data),
    onSuccess: invalidate,
  });
}
