import { Select, SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SENSITIVITIES } from "../../../../common/enums";
import { LIMITS } from "../../../../common/limits";
import { PersonCreateBody, type Person } from "../../../../common/schemas/personnel";
import { FormModal } from "../../app/form-modal";
import { serverFieldErrors, useFormState, validate } from "../../app/form-state";
import { AgencySelect } from "../agencies";
import { useCurrentUser } from "../auth";
import { personnelHooks } from "./personnel-queries";

const FIELDS = [
  "nameAr",
  "nameEn",
  "rank",
  "positionAr",
  "positionEn",
  "agencyId",
  "serviceNumber",
  "sensitivity",
] as const;

function initialValues(person: Person | null, agencyId: string) {
  return {
    nameAr: person?.nameAr ?? "",
    nameEn: person?.nameEn ?? "",
    rank: person?.rank ?? "",
    positionAr: person?.positionAr ?? "",
    positionEn: person?.positionEn ?? "",
    agencyId: person?.agencyId ?? agencyId,
    serviceNumber: person?.serviceNumber ?? "",
    sensitivity: person?.sensitivity ?? "internal",
  };
}

type Props = { person: Person | null; onClose: () => void };

/** Adds a person (person null) or edits one. */
export function PersonFormModal({ person, onClose }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const form = useFormState(initialValues(person, me.agencyId));
  const create = personnelHooks.useCreate();
  const update = personnelHooks.useUpdate();
  const mutation = person ? update : create;

  const onSubmit = () => {
    // The create schema checks every field and turns empty optional text into null.
    const checked = validate(PersonCreateBody, { ...form.values });
    if (!checked.ok) return form.setErrors(checked.errors);
    const onError = (error: Error) => form.setErrors(serverFieldErrors(error));
    if (!person) return create.mutate(checked.data, { onSuccess: onClose, onError });
    const changes = Object.fromEntries(
      FIELDS.filter((f) => checked.data[f] !== person[f]).map((f) => [f, checked.data[f]]),
    );
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate({ id: person.id, body: changes }, { onSuccess: onClose, onError });
  };

  return (
    <FormModal
      opened
      title={person ? t("personnel.editTitle") : t("personnel.createTitle")}
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
        />
        <TextInput label={t("fields.rank")} {...form.text("rank")} maxLength={LIMITS.code * 2} />
        <TextInput
          label={t("fields.serviceNumber")}
          {...form.text("serviceNumber")}
          dir="ltr"
          maxLength={LIMITS.code}
        />
        <TextInput
          label={t("fields.positionAr")}
          {...form.text("positionAr")}
          dir="rtl"
          lang="ar"
          maxLength={LIMITS.name}
        />
        <TextInput
          label={t("fields.positionEn")}
          {...form.text("positionEn")}
          dir="ltr"
          lang="en"
          maxLength={LIMITS.name}
        />
      </SimpleGrid>
      <AgencySelect label={t("fields.agencyId")} {...form.choice("agencyId")} required />
      <Select
        label={t("fields.sensitivity")}
        {...form.choice("sensitivity")}
        data={SENSITIVITIES.map((s) => ({ value: s, label: t(`enums.sensitivity.${s}`) }))}
        allowDeselect={false}
      />
    </FormModal>
  );
}
