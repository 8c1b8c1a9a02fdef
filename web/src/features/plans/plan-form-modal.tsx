import { Input, SegmentedControl, Select, SimpleGrid, TextInput, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { DISTRICTS } from "../../../../common/districts";
import { SENSITIVITIES } from "../../../../common/enums";
import { LIMITS } from "../../../../common/limits";
import { PlanCreateBody, type Plan } from "../../../../common/schemas/plans";
import { arabicFilter } from "../../app/arabic-filter";
import { FormModal } from "../../app/form-modal";
import { orNull, serverFieldErrors, useFormState, validate } from "../../app/form-state";
import { currentLanguage } from "../../app/i18n";
import { AgencySelect } from "../agencies";
import { useCurrentUser } from "../auth";
import { useCreatePlan, useUpdatePlan } from "./plans-queries";
import { DateField } from "../../app/date-field";

const FIELDS = [
  "titleAr",
  "titleEn",
  "description",
  "districtPcode",
  "startsOn",
  "endsOn",
  "agencyId",
  "sensitivity",
] as const;

function initialValues(plan: Plan | null, agencyId: string) {
  return {
    titleAr: plan?.titleAr ?? "",
    titleEn: plan?.titleEn ?? "",
    description: plan?.description ?? "",
    districtPcode: plan?.districtPcode ?? "LY0104",
    startsOn: plan?.startsOn ?? "",
    endsOn: plan?.endsOn ?? "",
    agencyId: plan?.agencyId ?? agencyId,
    sensitivity: plan?.sensitivity ?? "internal",
  };
}

/** Only what changed, for PATCH (the owner agency is fixed once the plan exists). */
function changedFields(plan: Plan, body: PlanCreateBody) {
  const changes: Record<string, unknown> = {};
  for (const field of FIELDS)
    if (field !== "agencyId" && body[field] !== plan[field]) changes[field] = body[field];
  return changes;
}

type Props = { plan: Plan | null; onClose: () => void };

/** Creates a plan (plan null; opens it once saved) or edits one. Mounted only while open. */
export function PlanFormModal({ plan, onClose }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const language = currentLanguage();
  const form = useFormState(initialValues(plan, me.agencyId));
  const create = useCreatePlan();
  const update = useUpdatePlan(plan?.id ?? "");
  const mutation = plan ? update : create;

  const onSubmit = () => {
    const v = form.values;
    const body = {
      ...v,
      titleEn: orNull(v.titleEn),
      description: orNull(v.description),
      districtPcode: orNull(v.districtPcode),
    };
    const checked = validate(PlanCreateBody, body);
    if (!checked.ok) return form.setErrors(checked.errors);
    const onError = (error: Error) => form.setErrors(serverFieldErrors(error));
    if (!plan)
      return create.mutate(checked.data, {
        onSuccess: (created) => void navigate(`/plans/${created.id}`),
        onError,
      });
    const changes = changedFields(plan, checked.data);
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate(changes, { onSuccess: onClose, onError });
  };

  return (
    <FormModal
      opened
      title={plan ? t("plans.edit") : t("plans.new")}
      onClose={onClose}
      onSubmit={onSubmit}
      isPending={mutation.isPending}
      error={mutation.error}
      fields={FIELDS}
    >
      <TextInput
        label={t("fields.titleAr")}
        {...form.text("titleAr")}
        dir="rtl"
        lang="ar"
        maxLength={LIMITS.name}
        required
        data-testid="plan-title"
      />
      <TextInput
        label={t("fields.titleEn")}
        {...form.text("titleEn")}
        dir="ltr"
        lang="en"
        maxLength={LIMITS.name}
      />
      <Textarea
        label={t("fields.description")}
        {...form.text("description")}
        autosize
        minRows={2}
        maxLength={LIMITS.text}
        data-testid="plan-description"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          label={t("fields.startsOn")}
          {...form.choice("startsOn")}
          required
          data-testid="plan-starts"
        />
        <DateField label={t("fields.endsOn")} {...form.choice("endsOn")} required data-testid="plan-ends" />
      </SimpleGrid>
      <Select
        label={t("plans.region")}
        {...form.choice("districtPcode")}
        data={DISTRICTS.map((d) => ({ value: d.pcode, label: language === "ar" ? d.nameAr : d.nameEn }))}
        searchable
        filter={arabicFilter}
        clearable
      />
      {plan ? null : <AgencySelect label={t("plans.owner")} {...form.choice("agencyId")} required />}
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
