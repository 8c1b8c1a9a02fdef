import { useMemo } from "react";
import { useLocation, useSearchParams } from "react-router";
import { LIMITS } from "../../../common/limits";

/**
 * Filters and page of a paged list, held in the address (`/incidents?typeId=…&from=…&page=3`): a figure that links
 * to the list it summarises opens it with the same filters, and Back from a record opens the list as it was left
 * (its filters, its search, its page). Changing a filter goes back to page 1. The address is replaced, not pushed:
 * Back leaves the list rather than stepping through each filter typed.
 */
export function useListState<F extends Record<string, string>>(
  initial: F,
  pageSize: number = LIMITS.pageSizeDefault,
) {
  const [search, setSearchParams] = useSearchParams();
  const key = search.toString();
  const { pathname } = useLocation();
  // Each change starts from the address as it is now, not as it was drawn: two filters chosen before the list is
  // drawn again both stay (useSearchParams's updater is given the drawn one). Once the reader has left the list, a
  // late change (a search typed just before following a link; the list stays drawn while the next page loads) must
  // not bring them back to it: the address is the list's only while it is.
  const setSearch = (
    update: (current: URLSearchParams) => URLSearchParams,
    options: { replace: boolean },
  ) => {
    if (window.location.pathname !== pathname) return;
    setSearchParams(update(new URLSearchParams(window.location.search)), options);
  };
  const filters = useMemo(() => {
    const given = Object.fromEntries([...search].filter(([name]) => name !== "page"));
    return { ...initial, ...given } as F;
    // `initial` is a new literal on each render; the address is what changes.
  }, [key]);
  const page = Math.max(1, Math.trunc(Number(search.get("page"))) || 1);
  /** Several filters at once (one change of the address: two calls in one event would keep only the second). */
  const setFilters = (changes: Partial<F>, removed: string[] = []) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [name, value] of Object.entries(changes) as [keyof F & string, string][]) {
          if (value === initial[name]) next.delete(name);
          else next.set(name, value);
        }
        for (const name of removed) next.delete(name);
        next.delete("page");
        return next;
      },
      { replace: true },
    );
  const setFilter = <K extends keyof F>(name: K, value: F[K]) =>
    setFilters({ [name]: value } as unknown as Partial<F>);
  const setPage = (to: number) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (to > 1) next.set("page", String(to));
        else next.delete("page");
        return next;
      },
      { replace: true },
    );
  const params = { ...filters, page, pageSize };
  return { filters, setFilter, setFilters, page, setPage, params };
}
