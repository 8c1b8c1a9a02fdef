import { useMutation } from "@tanstack/react-query";
import type { User, UserCreateBody, UserUpdateBody } from "../../../../common/schemas/users";
import { api, type One } from "../../app/api-client";
import { resourceHooks } from "../../app/resource-hooks";

export const userHooks = resourceHooks<User, UserCreateBody, UserUpdateBody>("users", "/api/v1/users");

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      api.post<One<User>>(`/api/v1/users/${id}/reset-password`, { password }),
  });
}
