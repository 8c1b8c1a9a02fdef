import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { Me } from "../../../../common/schemas/auth";
import { ApiError, api, type One } from "../../app/api-client";
import { ME_KEY } from "../../app/query-client";

export type LoginInput = { username: string; password: string; totp?: string };
export type Preferences = Partial<Pick<Me, "language" | "calendar" | "numerals">>;

async function fetchMe(): Promise<Me | null> {
  try {
    return (await api.get<One<Me>>("/api/auth/me")).data;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in user, or null when signed out. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

/** The signed-in user for components under the session guard, which only renders once it is known. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error("useCurrentUser outside the session guard");
  return data;
}

export function setMe(queryClient: QueryClient, me: Me | null) {
  queryClient.setQueryData(ME_KEY, me);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<One<Me>>("/api/auth/login", input).then((r) => r.data),
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      setMe(queryClient, me);
    },
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>("/api/auth/logout"),
    // Off to the sign-in page (its own small page, web/signin) even if the server could not be told: the
    // cookie is http-only and the session expires. One navigation: clearing the cached user here as well
    // would start a second one (to /login?from=…) that cuts this one short.
    onSettled: () => window.location.replace("/login"),
  });
}

/** Saves preferences; the cached user changes at once so the interface follows without waiting. */
export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (prefs: Preferences) =>
      api.patch<One<Me>>("/api/auth/preferences", prefs).then((r) => r.data),
    onMutate: (prefs) => {
      const before = queryClient.getQueryData<Me | null>(ME_KEY);
      if (before) setMe(queryClient, { ...before, ...prefs });
      return { before };
    },
    onError: (_error, _prefs, context) => {
      if (context?.before) setMe(queryClient, context.before);
    },
    onSuccess: (me) => setMe(queryClient, me),
  });
}
