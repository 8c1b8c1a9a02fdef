import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { CommitmentAction } from "../../../../common/enums";
import type {
  AttendeeBody,
  AttendeeUpdateBody,
  Commitment,
  CommitmentBody,
  CommitmentDueCountsResponse,
  CommitmentToNeedBody,
  CommitmentToNeedResponse,
  CommitmentToTaskBody,
  CommitmentToTaskResponse,
  CommitmentUpdateBody,
  Honour,
  HonourCreateBody,
  HonourUpdateBody,
  Meeting,
  MeetingCreateBody,
  MeetingDetail,
  MeetingExtractBody,
  MeetingExtractResponse,
  MeetingUpdateBody,
  StatementBody,
  StatementUpdateBody,
} from "../../../../common/schemas/meetings";
import { api, withQuery, type One, type Paged, type QueryParams } from "../../app/api-client";
import { postForFile } from "../../app/download";

// Every URL of the meetings API the web uses, in one place.
const V1 = "/api/v1";
export const meetingUrls = {
  list: `${V1}/meetings`,
  extract: `${V1}/meetings/extract`,
  one: (id: string) => `${V1}/meetings/${id}`,
  parts: (id: string, part: "attendees" | "statements" | "commitments") => `${V1}/meetings/${id}/${part}`,
  part: (id: string, part: "attendees" | "statements", partId: string) =>
    `${V1}/meetings/${id}/${part}/${partId}`,
  minutesXlsx: (id: string) => `${V1}/meetings/${id}/minutes.xlsx`,
  minutesPdf: (id: string) => `${V1}/meetings/${id}/minutes.pdf`,
  meetingIcs: (id: string) => `${V1}/meetings/${id}/calendar.ics`,
  calendarIcs: (params: QueryParams = {}) => withQuery(`${V1}/meetings.ics`, params),
  pressRelease: (id: string) => `${V1}/meetings/${id}/press-release`,
  pressReleasePdf: (id: string) => `${V1}/meetings/${id}/press-release.pdf`,
  commitments: `${V1}/commitments`,
  dueCounts: `${V1}/commitments/due-counts`,
  commitment: (id: string) => `${V1}/commitments/${id}`,
  honours: `${V1}/honours`,
  honour: (id: string) => `${V1}/honours/${id}`,
  certificatePdf: (id: string) => `${V1}/honours/${id}/certificate.pdf`,
};

const KEYS = ["meetings", "commitments", "honours", "tasks", "needs"] as const;

/** Any change to a meeting or its parts may change lists of the others (and of tasks and needs). */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => Promise.all(KEYS.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
}

function useChange<V, R>(fn: (variables: V) => Promise<R>) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: fn, onSuccess: invalidate });
}

// — Meetings ————————————————————————————————————————————————————————————————————————————————

export function useMeetingList(params: QueryParams) {
  return useQuery({
    queryKey: ["meetings", "list", params],
    queryFn: () => api.get<Paged<Meeting>>(meetingUrls.list, params),
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: ["meetings", "one", id],
    queryFn: () => api.get<One<MeetingDetail>>(meetingUrls.one(id)).then((r) => r.data),
  });
}

export function useExtractMeeting() {
  return useMutation({
    mutationFn: (body: MeetingExtractBody) =>
      api.post<MeetingExtractResponse>(meetingUrls.extract, body).then((r) => r.data),
  });
}

export const useCreateMeeting = () =>
  useChange((body: MeetingCreateBody) =>
    api.post<One<MeetingDetail>>(meetingUrls.list, body).then((r) => r.data),
  );

export const useUpdateMeeting = (id: string) =>
  useChange((body: MeetingUpdateBody) =>
    api.patch<One<MeetingDetail>>(meetingUrls.one(id), body).then((r) => r.data),
  );

export const useAddAttendee = (id: string) =>
  useChange((body: AttendeeBody) => api.post(meetingUrls.parts(id, "attendees"), body));

export const useUpdateAttendee = (id: string) =>
  useChange(({ partId, body }: { partId: string; body: AttendeeUpdateBody }) =>
    api.patch(meetingUrls.part(id, "attendees", partId), body),
  );

/** Keeps these attendees (or statements) of a saved meeting, in this order: the others are removed. */
export const useKeepParts = (id: string, part: "attendees" | "statements") =>
  useChange((ids: string[]) => api.put(meetingUrls.parts(id, part), { ids }));

export const useAddStatement = (id: string) =>
  useChange((body: z.output<typeof StatementBody>) => api.post(meetingUrls.parts(id, "statements"), body));

export const useUpdateStatement = (id: string) =>
  useChange(({ partId, body }: { partId: string; body: StatementUpdateBody }) =>
    api.patch(meetingUrls.part(id, "statements", partId), body),
  );

export const useAddCommitment = (id: string) =>
  useChange((body: z.output<typeof CommitmentBody>) =>
    api.post<One<Commitment>>(meetingUrls.parts(id, "commitments"), body).then((r) => r.data),
  );

/** The generated press-release draft, fetched when the user opens it. */
export function usePressRelease(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ["meetings", "press-release", id],
    queryFn: () => api.get<{ text: string } | One<{ text: string }>>(meetingUrls.pressRelease(id)),
    select: (r) => ("data" in r ? r.data.text : r.text),
    enabled,
    staleTime: Infinity,
  });
}

export const useExportPressReleasePdf = (id: string) =>
  useMutation({
    mutationFn: ({ text, filename }: { text: string; filename: string }) =>
      postForFile(meetingUrls.pressReleasePdf(id), { text }, filename),
  });

// — Commitments —————————————————————————————————————————————————————————————————————————————

export function useCommitmentList(params: QueryParams) {
  return useQuery({
    queryKey: ["commitments", "list", params],
    queryFn: () => api.get<Paged<Commitment>>(meetingUrls.commitments, params),
    placeholderData: keepPreviousData,
  });
}

export type DueCount = z.infer<typeof CommitmentDueCountsResponse>["data"][number];

/** Region-wide figures per owner agency (what the user may see). */
export function useDueCounts() {
  return useQuery({
    queryKey: ["commitments", "due-counts"],
    queryFn: () => api.get<{ data: DueCount[] }>(meetingUrls.dueCounts).then((r) => r.data),
  });
}

export const useUpdateCommitment = () =>
  useChange(({ id, body }: { id: string; body: CommitmentUpdateBody }) =>
    api.patch<One<Commitment>>(meetingUrls.commitment(id), body).then((r) => r.data),
  );

export const useCommitmentStep = () =>
  useChange(({ id, action, reason }: { id: string; action: CommitmentAction; reason: string | null }) =>
    api.post<One<Commitment>>(`${meetingUrls.commitment(id)}/${action}`, { reason }).then((r) => r.data),
  );

/** Converts; the answer carries the commitment (now linked) and the task or need made from it. */
export const useConvertToTask = () =>
  useChange(({ id, body }: { id: string; body: z.input<typeof CommitmentToTaskBody> }) =>
    api
      .post<z.infer<typeof CommitmentToTaskResponse>>(`${meetingUrls.commitment(id)}/convert-to-task`, body)
      .then((r) => r.data),
  );

export const useConvertToNeed = () =>
  useChange(({ id, body }: { id: string; body: CommitmentToNeedBody }) =>
    api
      .post<z.infer<typeof CommitmentToNeedResponse>>(`${meetingUrls.commitment(id)}/convert-to-need`, body)
      .then((r) => r.data),
  );

// — Honours —————————————————————————————————————————————————————————————————————————————————

export function useHonourList(params: QueryParams) {
  return useQuery({
    queryKey: ["honours", "list", params],
    queryFn: () => api.get<Paged<Honour>>(meetingUrls.honours, params),
    placeholderData: keepPreviousData,
  });
}

export const useCreateHonour = () =>
  useChange((body: HonourCreateBody) => api.post<One<Honour>>(meetingUrls.honours, body).then((r) => r.data));

export const useUpdateHonour = () =>
  useChange(({ id, body }: { id: string; body: HonourUpdateBody }) =>
    api.patch<One<Honour>>(meetingUrls.honour(id), body).then((r) => r.data),
  );
