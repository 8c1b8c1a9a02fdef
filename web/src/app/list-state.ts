import { useState } from "react";
import { useSearchParams } from "react-router";
import { LIMITS } from "../../../common/limits";

/**
 * Filters and page of a paged list; changing a filter goes back to page 1. The filters start from the address's
 * query (`/incidents?typeId=…&from=…`), so a figure that links to the list it summarises opens it with the same
 * filters.
 */
export function useListState<F extends Record<string, string>>(initial: F) {
  const [search] = useSearchParams();
  const [filters, setFilters] = useState<F>(() => ({ ...initial, ...Object.fromEntries(search) }) as F);
  const [page, setPage] = useState(1);
  const setFilter = <K extends keyof F>(name: K, value: F[K]) => {
    setFilters((f) => ({ ...f, [name]: value }));
    setPage(1);
  };
  const params = { ...filters, page, pageSize: LIMITS.pageSizeDefault };
  return { filters, setFilter, page, setPage, params };
}
