import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-client";

/** The query that holds the signed-in user (null when signed out). */
export const ME_KEY = ["me"] as const;

/** Errors that change what the whole app may show: a lost session, or a setup step the server insists on. */
function onSessionError(client: QueryClient, error: unknown) {
  if (!(error instanceof ApiError)) return;
  if (error.code === "unauthenticated") client.setQueryData(ME_KEY, null);
  if (error.code === "totp_enrollment_required" || error.code === "password_change_required") {
    void client.invalidateQueries({ queryKey: ME_KEY });
  }
}

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onSessionError(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => onSessionError(client, error) }),
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: true, staleTime: 15_000 },
      mutations: { retry: false },
    },
  });
  return client;
}
