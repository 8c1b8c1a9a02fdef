import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CourseAction, NominationDecision } from "../../../../common/enums";
import type {
  AttendanceBody,
  CalendarSession,
  Certificate,
  Coverage,
  Course,
  CourseCreateBody,
  CourseDetail,
  Nomination,
  QuotasBody,
  ResultsBody,
  TargetsBody,
} from "../../../../common/schemas/training";
import { api, type One, type Paged, type QueryParams } from "../../app/api-client";

const KEY = "training";

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [KEY] });
}

export function useCourseList(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: [KEY, "courses", params],
    queryFn: () => api.get<Paged<Course>>("/api/v1/courses", params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCourse(id: string) {
  return useQuery({
    queryKey: [KEY, "course", id],
    queryFn: () => api.get<One<CourseDetail>>(`/api/v1/courses/${id}`).then((r) => r.data),
  });
}

/** Every change to a course answers with the course as its page shows it. */
function useCourseChange<V>(request: (vars: V) => Promise<unknown>) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: request, onSuccess: invalidate });
}

export const useCreateCourse = () =>
  useCourseChange((body: CourseCreateBody) =>
    api.post<One<Course>>("/api/v1/courses", body).then((r) => r.data),
  );

export const useCourseStep = () =>
  useCourseChange(({ id, action, reason }: { id: string; action: CourseAction; reason: string | null }) =>
    api.post(`/api/v1/courses/${id}/${action}`, { reason }),
  );

export const useSetQuotas = () =>
  useCourseChange(({ id, body }: { id: string; body: QuotasBody }) =>
    api.put(`/api/v1/courses/${id}/quotas`, body),
  );

export const useNominate = () =>
  useCourseChange(({ id, personId }: { id: string; personId: string }) =>
    api.post<One<Nomination>>(`/api/v1/courses/${id}/nominations`, { personId }),
  );

export const useDecide = () =>
  useCourseChange(
    ({ id, decision, reason }: { id: string; decision: NominationDecision; reason: string | null }) =>
      api.post(`/api/v1/nominations/${id}/decide`, { decision, reason }),
  );

export const useWithdraw = () =>
  useCourseChange(({ id, reason }: { id: string; reason: string | null }) =>
    api.post(`/api/v1/nominations/${id}/withdraw`, { reason }),
  );

export const useAttendance = () =>
  useCourseChange(({ id, sessionId, body }: { id: string; sessionId: string; body: AttendanceBody }) =>
    api.put(`/api/v1/courses/${id}/sessions/${sessionId}/attendance`, body),
  );

export const useResults = () =>
  useCourseChange(({ id, body }: { id: string; body: ResultsBody }) =>
    api.put(`/api/v1/courses/${id}/results`, body),
  );

export function useCertificateList(params: QueryParams) {
  return useQuery({
    queryKey: [KEY, "certificates", params],
    queryFn: () => api.get<Paged<Certificate>>("/api/v1/certificates", params),
    placeholderData: keepPreviousData,
  });
}

export const useRevoke = () =>
  useCourseChange(({ id, reason }: { id: string; reason: string }) =>
    api.post<One<Certificate>>(`/api/v1/certificates/${id}/revoke`, { reason }),
  );

export function useCoverage(params: QueryParams) {
  return useQuery({
    queryKey: [KEY, "coverage", params],
    queryFn: () => api.get<One<Coverage>>("/api/v1/training/coverage", params).then((r) => r.data),
    placeholderData: keepPreviousData,
  });
}

export const useSetTargets = () =>
  useCourseChange((body: TargetsBody) => api.put("/api/v1/training/targets", body));

export function useTrainingCalendar(params: QueryParams) {
  return useQuery({
    queryKey: [KEY, "calendar", params],
    queryFn: () =>
      api.get<{ data: CalendarSession[] }>("/api/v1/training/calendar", params).then((r) => r.data),
  });
}
