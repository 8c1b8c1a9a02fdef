import { Anchor, Badge, Group, Paper, Stack, Tabs, Text, TextInput, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { LIMITS } from "../../../../common/limits";
import {
  SEARCH_KINDS,
  type SearchHit,
  type SearchKind,
  type SearchResult as SearchAnswer,
} from "../../../../common/schemas/search";
import { withQuery } from "../../app/api-client";
import { api } from "../../app/api-client";
import { ErrorAlert } from "../../app/error-alert";
import { districtName } from "../../app/district-name";
import { currentLanguage } from "../../app/i18n";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { useFormat } from "../../app/use-format";

/** With every kind shown, how many hits of each before "more". */
const PER_KIND = 5;
/** The tab of every kind at once (a tab's value cannot be empty; the address has no kind then). */
const ALL_KINDS = "all";
/** With one kind chosen, how many hits: past them, its list holds the rest (its total, pages, filters, exports). */
const ONE_KIND = 50;
/** Each kind's list, which reads a search the same way (every word, in any order, with or without the article). */
const LISTS: Record<SearchKind, { path: string; query?: Record<string, string> }> = {
  incident: { path: "/incidents" },
  task: { path: "/tasks", query: { scope: "all" } },
  plan: { path: "/plans" },
  need: { path: "/needs" },
  meeting: { path: "/meetings" },
  person: { path: "/personnel" },
  agency: { path: "/agencies" },
};

/**
 * Results of the search across Tansiq: what the reader may see among incidents, tasks, plans, needs, meetings,
 * personnel and agencies, best first, each with its reference, title, the matched words marked, and its page.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const q = (params.get("q") ?? "").trim();
  const kind = params.get("kind") ?? "";
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const {
    data: answer,
    error,
    isFetching,
    refetch,
  } = useQuery({
    queryKey: ["search", q, kind],
    queryFn: () =>
      api
        .get<SearchAnswer>("/api/v1/search", {
          q,
          kind: kind || undefined,
          limit: kind ? ONE_KIND : PER_KIND * 2,
        })
        .then((r) => r),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  const data = answer?.data;
  /** The kind's list searched for what the search found (a misspelling as it was read). */
  const listOf = (k: SearchKind) => withQuery(LISTS[k].path, { ...LISTS[k].query, q: answer?.readAs ?? q });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = text.trim();
    if (next) setParams({ q: next, ...(kind ? { kind } : {}) });
  };
  return (
    <Stack gap="md">
      <PageHeader title={t("search.title")} />
      <form role="search" onSubmit={submit} aria-label={t("search.label")}>
        <TextInput
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          placeholder={t("search.placeholder")}
          aria-label={t("search.label")}
          maxLength={LIMITS.search}
          data-testid="search-page-input"
        />
      </form>
      {/* Tabs wrap onto more lines on a phone: every kind in sight, the active one marked where it is. */}
      <Tabs
        value={kind || ALL_KINDS}
        onChange={(value) => setParams({ q, ...(value && value !== ALL_KINDS ? { kind: value } : {}) })}
      >
        <Tabs.List aria-label={t("search.kindLabel")} data-testid="search-kind">
          <Tabs.Tab value={ALL_KINDS}>{t("search.all")}</Tabs.Tab>
          {SEARCH_KINDS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`search.kinds.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isFetching && !answer ? <PageLoader /> : null}
      {q && data && data.length === 0 ? <Text c="dimmed">{t("search.none", { q })}</Text> : null}
      {answer?.readAs && data && data.length > 0 ? (
        <Text size="sm" data-testid="search-read-as">
          {t("search.readAs", { readAs: answer.readAs, q })}
        </Text>
      ) : null}
      {data && data.length > 0 ? (
        <Stack gap="lg" data-testid="search-results">
          {SEARCH_KINDS.map((k) => {
            const hits = data.filter((hit) => hit.kind === k);
            if (hits.length === 0) return null;
            // All kinds at once: the best few of each, and the way to the rest of that kind.
            const shown = kind ? hits : hits.slice(0, PER_KIND);
            return (
              <Stack key={k} gap="xs" data-testid={`search-group-${k}`}>
                <Title order={4}>{t(`search.kinds.${k}`)}</Title>
                {shown.map((hit) => (
                  <SearchResult key={hit.id} hit={hit} />
                ))}
                {shown.length < hits.length ? (
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => setParams({ q, kind: k })}
                  >
                    {t("search.more", { kind: t(`search.kinds.${k}`) })}
                  </Anchor>
                ) : null}
                {kind ? (
                  // One kind: its list holds every match, with its total, pages, filters and exports.
                  <Anchor component={Link} to={listOf(k)} size="sm" data-testid="search-open-list">
                    {t(hits.length >= ONE_KIND ? "search.openListMore" : "search.openList", {
                      n: format.number(hits.length),
                      kind: t(`search.kinds.${k}`),
                    })}
                  </Anchor>
                ) : null}
              </Stack>
            );
          })}
        </Stack>
      ) : null}
    </Stack>
  );
}

function SearchResult({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const format = useFormat();
  const title = currentLanguage() === "en" && hit.title.en ? hit.title.en : hit.title.ar;
  const snippet = hit.snippet
    .map((part) => part.text)
    .join("")
    .trim();
  // A task's or a need's matched text is often its title: said once, the title with the matched words marked.
  const repeatsTitle = snippet === title.trim();
  // An incident's snippet with nothing marked is often its place, which the title already says (type — place).
  const saidInTitle = !hit.snippet.some((part) => part.mark) && title.includes(snippet);
  const marked = hit.snippet.map((part, i) =>
    part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
  );
  return (
    <Paper withBorder p="sm" data-testid="search-hit" data-kind={hit.kind}>
      <Group gap="xs" wrap="wrap" mb={4}>
        <Badge variant="light" size="sm">
          {t(`search.kind.${hit.kind}`)}
        </Badge>
        <Text size="xs" c="dimmed" ff="monospace">
          <bdi>{hit.reference}</bdi>
        </Text>
        {/* An incident's or a meeting's day, an incident's district: the hits of one title told apart. */}
        {hit.day ? (
          <Text size="xs" c="dimmed" data-testid="search-hit-day">
            <bdi>{format.date(hit.day)}</bdi>
          </Text>
        ) : null}
        {hit.district ? (
          <Text size="xs" c="dimmed" data-testid="search-hit-district">
            {t("search.district")}:{" "}
            {/* Marked when its name is a word of the search: found by where it happened. */}
            <bdi>
              {hit.district.named ? (
                <mark>{districtName(hit.district.pcode)}</mark>
              ) : (
                districtName(hit.district.pcode)
              )}
            </bdi>
          </Text>
        ) : null}
      </Group>
      <Anchor component={Link} to={hit.link} fw={600}>
        <bdi>{repeatsTitle ? marked : title}</bdi>
      </Anchor>
      {snippet && !repeatsTitle && !saidInTitle ? (
        <Text size="sm" c="dimmed" mt={2} data-testid="search-hit-snippet">
          <bdi>{marked}</bdi>
        </Text>
      ) : null}
    </Paper>
  );
}
