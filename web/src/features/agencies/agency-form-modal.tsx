import { Input, SegmentedControl, Select, SimpleGrid, TextInput } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { DISTRICTS } from "../../../../common/districts";
import { AGENCY_KINDS, SENSITIVITIES } from "../../../../common/enums";
import { LIMITS } from "../../../../common/limits";
import { AgencyCreateBody, type Agency } from "../../../../common/schemas/agencies";
import { arabicFilter } from "../../app/arabic-filter";
import { FormModal } from "../../app/form-modal";
import { orNull, serverFieldErrors, useFormState, validate } from "../../app/form-state";
import { currentLanguage } from "../../app/i18n";
import { agencyHooks, useAgencyTree } from "./agencies-queries";
import { AgencySelect } from "./agency-select";
import { subtreeIds } from "./build-tree";

const FIELDS = ["kind", "parentId", "code", "nameAr", "nameEn", "districtPcode", "sensitivity"] as const;

function initialValues(agency: Agency | null) {
  return {
    kind: agency?.kind ?? "",
    parentId: agency?.parentId ?? "",
    code: agency?.code ?? "",
    nameAr: agency?.nameAr ?? "",
    nameEn: agency?.nameEn ?? "",
    districtPcode: agency?.districtPcode ?? "",
    sensitivity: agency?.sensitivity ?? "internal",
  };
}

/** Only what changed, for PATCH. */
function changedFields(agency: Agency, body: AgencyCreateBody): Partial<AgencyCreateBody> {
  const changes: Record<string, unknown> = {};
  for (const field of FIELDS) if (body[field] !== agency[field]) changes[field] = body[field];
  return changes as Partial<AgencyCreateBody>;
}

type Props = { agency: Agency | null; onClose: () => void };

/** Creates an agency (agency null) or edits one. Mounted only while open, so it starts fresh each time. */
export function AgencyFormModal({ agency, onClose }: Props) {
  const { t } = useTranslation();
  const form = useFormState(initialValues(agency));
  const create = agencyHooks.useCreate();
  const update = agencyHooks.useUpdate();
  const mutation = agency ? update : create;
  const { data: all = [] } = useAgencyTree("all");
  const notParents = useMemo(() => (agency ? subtreeIds(all, agency.id) : undefined), [all, agency]);
  const language = currentLanguage();

  const onSubmit = () => {
    const v = form.values;
    const body = { ...v, parentId: orNull(v.parentId), districtPcode: orNull(v.districtPcode) };
    const checked = validate(AgencyCreateBody, body);
    if (!checked.ok) return form.setErrors(checked.errors);
    const onError = (error: Error) => form.setErrors(serverFieldErrors(error));
    if (!agency) return create.mutate(checked.data, { onSuccess: onClose, onError });
    const changes = changedFields(agency, checked.data);
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate({ id: agency.id, body: changes }, { onSuccess: onClose, onError });
  };

  return (
    <FormModal
      opened
      title={agency ? t("agencies.editTitle") : t("agencies.createTitle")}
      onClose={onClose}
      onSubmit={onSubmit}
      isPending={mutation.isPending}
      error={mutation.error}
      fields={FIELDS}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("fields.nameAr")}
          {...form.text("nameAr")}
          dir="rtl"
          lang="ar"
          maxLength={LIMITS.name}
          required
        />
        <TextInput
          label={t("fields.nameEn")}
          {...form.text("nameEn")}
          dir="ltr"
          lang="en"
          maxLength={LIMITS.name}
          required
        />
        <Select
          label={t("fields.kind")}
          {...form.choice("kind")}
          data={AGENCY_KINDS.map((k) => ({ value: k, label: t(`enums.agencyKind.${k}`) }))}
          required
          allowDeselect={false}
        />
        <TextInput
          label={t("fields.code")}
          {...form.text("code")}
          onChange={(e) => form.set("code", e.currentTarget.value.toUpperCase())}
          dir="ltr"
          maxLength={LIMITS.code}
          required
        />
      </SimpleGrid>
      <AgencySelect
        label={t("fields.parentId")}
        {...form.choice("parentId")}
        exclude={notParents}
        placeholder={t("agencies.noParent")}
        clearable
      />
      <Select
        label={t("fields.districtPcode")}
        {...form.choice("districtPcode")}
        data={DISTRICTS.map((d) => ({ value: d.pcode, label: language === "ar" ? d.nameAr : d.nameEn }))}
        placeholder={t("agencies.noDistrict")}
        searchable
        filter={arabicFilter}
        clearable
      />
      <Input.Wrapper label={t("fields.sensitivity")} error={form.errors.sensitivity}>
        <div>
          <SegmentedControl
            value={form.values.sensitivity}
            onChange={(value) => form.set("sensitivity", value)}
            data={SENSITIVITIES.map((s) => ({ value: s, label: t(`enums.sensitivity.${s}`) }))}
          />
        </div>
      </Input.Wrapper>
    </FormModal>
  );
}
