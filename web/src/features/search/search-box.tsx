import { TextInput } from "@mantine/core";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { LIMITS } from "../../../../common/limits";

/**
 * The search across Tansiq in the shell: Enter opens the results page. On that page it holds the search shown; on
 * any other it is empty.
 */
export function SearchBox({ onDone, width }: { onDone?: () => void; width?: number | string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const shown = location.pathname === "/search" ? (new URLSearchParams(location.search).get("q") ?? "") : "";
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    if (!q) return;
    void navigate(`/search?${new URLSearchParams({ q })}`);
    onDone?.();
  };
  return (
    <form role="search" onSubmit={submit} aria-label={t("search.label")}>
      <TextInput
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        placeholder={t("search.placeholder")}
        aria-label={t("search.label")}
        maxLength={LIMITS.search}
        w={width}
        data-testid="global-search"
      />
    </form>
  );
}
