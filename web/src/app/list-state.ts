import { useState } from "react";
import { LIMITS } from "../../../common/limits";

/** Filters and page of a paged list; changing a filter goes back to page 1. */
export function useListState<F extends Record<string, string>>(initial: F) {
  const [filters, setFilters] = useState<F>(initial);
  const [page, setPage] = useState(1);
  const setFilter = <K extends keyof F>(name: K, value: F[K]) => {
    setFilters((f) => ({ ...f, [name]: value }));
    setPage(1);
  };
  const params = { ...filters, page, pageSize: LIMITS.pageSizeDefault };
  return { filters, setFilter, page, setPage, params };
}
