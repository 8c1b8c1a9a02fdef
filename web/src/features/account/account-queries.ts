import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Me } from "../../../../common/schemas/auth";
import { api, type One } from "../../app/api-client";
import { setMe } from "../auth";

export type TotpSetup = { secret: string; uri: string };

/** A call that answers with the updated user, which then replaces the cached one. */
function useMeMutation<Input>(call: (input: Input) => Promise<One<Me>>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => call(input).then((r) => r.data),
    onSuccess: (me) => setMe(queryClient, me),
  });
}

export const useChangePassword = () =>
  useMeMutation((body: { currentPassword: string; newPassword: string }) =>
    api.post<One<Me>>("/api/auth/password", body),
  );

export const useEnableTotp = () =>
  useMeMutation((body: { code: string }) => api.post<One<Me>>("/api/auth/totp/enable", body));

export const useDisableTotp = () =>
  useMeMutation((body: { password: string }) => api.post<One<Me>>("/api/auth/totp/disable", body));

export function useStartTotpSetup() {
  return useMutation({
    mutationFn: () => api.post<One<TotpSetup>>("/api/auth/totp/setup").then((r) => r.data),
  });
}
