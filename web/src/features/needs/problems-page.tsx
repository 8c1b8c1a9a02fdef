import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { NEED_CATEGORIES, PROBLEM_IMPACTS } from "../../../../common/enums";
import { ProblemCreateBody, ProblemToNeedBody, type Problem } from "../../../../common/schemas/needs";
import { ErrorAlert } from "../../app/error-alert";
import { FormModal } from "../../app/form-modal";
import { serverFieldErrors, useFormState, validate } from "../../app/form-state";
import { ListFooter } from "../../app/list-footer";
import { useListState } from "../../app/list-state";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { useFormat } from "../../app/use-format";
import { useCurrentUser } from "../auth";
import { useAgencyNamer, useAgencyOptions } from "../agencies";
import { useCloseProblem, useConvertProblem, useCreateProblem, useProblemList } from "./needs-queries";
import { DateField } from "../../app/date-field";

/** Problems and difficulties an agency raises; each can be turned into a need (linked both ways). */
export function ProblemsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const format = useFormat();
  const nameOf = useAgencyNamer();
  const list = useListState<{ status: string }>({ status: "" });
  const { data, isPending, error, refetch } = useProblemList(list.params);
  const [creating, setCreating] = useState(false);
  const [converting, setConverting] = useState<Problem | null>(null);
  const close = useCloseProblem();
  return (
    <Stack gap="md">
      <PageHeader
        title={t("problems.title")}
        actions={
          me.permissions.includes("problems.create") ? (
            <Button onClick={() => setCreating(true)} data-testid="problem-new">
              {t("problems.new")}
            </Button>
          ) : null
        }
      />
      <NativeSelect
        w={200}
        value={list.filters.status}
        onChange={(e) => list.setFilter("status", e.currentTarget.value)}
        data={[
          { value: "", label: t("needs.columns.status") },
          ...(["open", "converted", "closed"] as const).map((s) => ({
            value: s,
            label: t(`problems.status.${s}`),
          })),
        ]}
      />
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {close.error ? <ErrorAlert error={close.error} /> : null}
      {isPending ? <PageLoader /> : null}
      {data && data.data.length === 0 ? <Text c="dimmed">{t("common.noResults")}</Text> : null}
      {data && data.data.length > 0 ? (
        <Table.ScrollContainer minWidth={880}>
          <Table verticalSpacing="xs" data-testid="problems-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("common.reference")}</Table.Th>
                <Table.Th>{t("problems.what")}</Table.Th>
                <Table.Th>{t("needs.columns.agency")}</Table.Th>
                <Table.Th>{t("problems.where")}</Table.Th>
                <Table.Th>{t("problems.since")}</Table.Th>
                <Table.Th>{t("problems.impact")}</Table.Th>
                <Table.Th>{t("needs.columns.status")}</Table.Th>
                <Table.Th>{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Text size="xs" ff="monospace" c="dimmed">
                      <bdi>{p.reference}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      <bdi>{p.title}</bdi>
                    </Text>
                    {p.description ? (
                      <Text size="xs" c="dimmed">
                        {p.description}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <bdi>{nameOf(p.agencyId)}</bdi>
                  </Table.Td>
                  <Table.Td>{p.location ?? "—"}</Table.Td>
                  <Table.Td>{p.since ? <bdi>{format.date(p.since)}</bdi> : "—"}</Table.Td>
                  <Table.Td>{t(`problems.impactLevel.${p.impact}`)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`problems.status.${p.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {p.needId ? (
                        <Anchor component={Link} to={`/needs/${p.needId}`} size="sm">
                          {t("problems.openNeed")}
                        </Anchor>
                      ) : null}
                      {p.abilities.convertToNeed ? (
                        <Button size="compact-sm" variant="subtle" onClick={() => setConverting(p)}>
                          {t("problems.convertToNeed")}
                        </Button>
                      ) : null}
                      {p.abilities.close ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="gray"
                          onClick={() => close.mutate(p.id)}
                        >
                          {t("problems.close")}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {data ? <ListFooter {...data.page} onPage={list.setPage} /> : null}
      {creating ? <ProblemFormModal onClose={() => setCreating(false)} /> : null}
      {converting ? <ConvertModal problem={converting} onClose={() => setConverting(null)} /> : null}
    </Stack>
  );
}

function ProblemFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const create = useCreateProblem();
  const form = useFormState({ title: "", description: "", location: "", since: "", impact: "medium" });
  const onSubmit = () => {
    const checked = validate(ProblemCreateBody, {
      ...form.values,
      agencyId: me.agencyId,
      since: form.values.since || null,
    });
    if (!checked.ok) return form.setErrors(checked.errors);
    create.mutate(checked.data, { onSuccess: onClose, onError: (e) => form.setErrors(serverFieldErrors(e)) });
  };
  return (
    <FormModal
      opened
      title={t("problems.new")}
      onClose={onClose}
      onSubmit={onSubmit}
      isPending={create.isPending}
      error={create.error}
      fields={["title", "description", "location", "since", "impact"]}
    >
      <TextInput label={t("problems.what")} {...form.text("title")} required />
      <Textarea label={t("needs.fields.description")} {...form.text("description")} autosize minRows={2} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t("problems.where")} {...form.text("location")} />
        <DateField label={t("problems.since")} {...form.choice("since")} />
        <NativeSelect
          label={t("problems.impact")}
          value={form.values.impact}
          onChange={(e) => form.set("impact", e.currentTarget.value)}
          data={PROBLEM_IMPACTS.map((i) => ({ value: i, label: t(`problems.impactLevel.${i}`) }))}
        />
      </SimpleGrid>
    </FormModal>
  );
}

function ConvertModal({ problem, onClose }: { problem: Problem; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const agencies = useAgencyOptions();
  const convert = useConvertProblem();
  const form = useFormState({
    category: "equipment",
    quantity: "1",
    unit: "",
    unitCost: "0",
    responsibleAgencyId: "",
  });
  const v = form.values;
  const onSubmit = () => {
    const checked = validate(ProblemToNeedBody, {
      category: v.category,
      quantity: Number(v.quantity),
      unit: v.unit,
      unitCost: Number(v.unitCost),
      responsibleAgencyId: v.responsibleAgencyId || undefined,
    });
    if (!checked.ok) return form.setErrors(checked.errors);
    convert.mutate(
      { id: problem.id, body: checked.data },
      {
        onSuccess: (r) => void navigate(`/needs/${r.need.id}`),
        onError: (e) => form.setErrors(serverFieldErrors(e)),
      },
    );
  };
  return (
    <FormModal
      opened
      title={t("problems.convertToNeed")}
      onClose={onClose}
      onSubmit={onSubmit}
      isPending={convert.isPending}
      error={convert.error}
      fields={["category", "quantity", "unit", "unitCost", "responsibleAgencyId"]}
    >
      <Text fw={500}>
        <bdi>{problem.title}</bdi>
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t("needs.columns.category")}
          value={v.category}
          onChange={(e) => form.set("category", e.currentTarget.value)}
          data={NEED_CATEGORIES.map((c) => ({ value: c, label: t(`needs.category.${c}`) }))}
        />
        <TextInput label={t("needs.columns.quantity")} {...form.text("quantity")} dir="ltr" />
        <TextInput label={t("needs.columns.unit")} {...form.text("unit")} />
        <TextInput label={t("needs.columns.unitCost")} {...form.text("unitCost")} dir="ltr" />
      </SimpleGrid>
      <NativeSelect
        label={t("needs.fields.responsibleAgencyId")}
        value={v.responsibleAgencyId}
        error={form.errors.responsibleAgencyId}
        onChange={(e) => form.set("responsibleAgencyId", e.currentTarget.value)}
        data={[{ value: "", label: "—" }, ...agencies]}
      />
    </FormModal>
  );
}
