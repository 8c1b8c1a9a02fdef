import { Select, SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CALENDARS, LANGUAGES, NUMERALS, ROLES, SENSITIVITIES } from "../../../../common/enums";
import { LIMITS } from "../../../../common/limits";
import { UserCreateBody, UserUpdateBody, type User } from "../../../../common/schemas/users";
import { FormModal } from "../../app/form-modal";
import { orNull, serverFieldErrors, useFormState, validate, type FieldErrors } from "../../app/form-state";
import { PasswordFields } from "../../app/password-fields";
import { AgencySelect } from "../agencies";
import { useCurrentUser } from "../auth";
import { userHooks } from "./users-queries";

const EDITABLE = [
  "displayNameAr",
  "displayNameEn",
  "email",
  "agencyId",
  "role",
  "language",
  "calendar",
  "numerals",
  "sensitivity",
] as const;
const FIELDS = [...EDITABLE, "username", "password"] as const;

function initialValues(user: User | null, agencyId: string) {
  return {
    username: "",
    password: "",
    confirm: "",
    displayNameAr: user?.displayNameAr ?? "",
    displayNameEn: user?.displayNameEn ?? "",
    email: user?.email ?? "",
    agencyId: user?.agencyId ?? agencyId,
    role: user?.role ?? "officer",
    language: user?.language ?? "ar",
    calendar: user?.calendar ?? "gregorian",
    numerals: user?.numerals ?? "latn",
    sensitivity: user?.sensitivity ?? "internal",
  };
}

type Props = { user: User | null; onClose: () => void };

/** Creates a user (user null) or edits one; username and password are set only at creation. */
export function UserFormModal({ user, onClose }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const form = useFormState(initialValues(user, me.agencyId));
  const create = userHooks.useCreate();
  const update = userHooks.useUpdate();
  const mutation = user ? update : create;
  const onError = (error: Error) => form.setErrors(serverFieldErrors(error));

  const submitCreate = (fields: Record<string, unknown>) => {
    const checked = validate(UserCreateBody, {
      ...fields,
      username: form.values.username,
      password: form.values.password,
    });
    const errors: FieldErrors = checked.ok ? {} : { ...checked.errors };
    if (form.values.password !== form.values.confirm) errors.confirm ??= t("common.passwordsDiffer");
    if (!checked.ok || Object.keys(errors).length > 0) return form.setErrors(errors);
    create.mutate(checked.data, { onSuccess: onClose, onError });
  };

  const submitUpdate = (existing: User, fields: Record<string, unknown>) => {
    const changes = Object.fromEntries(
      EDITABLE.filter((f) => fields[f] !== existing[f]).map((f) => [f, fields[f]]),
    );
    if (Object.keys(changes).length === 0) return onClose();
    const checked = validate(UserUpdateBody, changes);
    if (!checked.ok) return form.setErrors(checked.errors);
    update.mutate({ id: existing.id, body: checked.data }, { onSuccess: onClose, onError });
  };

  const onSubmit = () => {
    const fields: Record<string, unknown> = Object.fromEntries(EDITABLE.map((f) => [f, form.values[f]]));
    fields.email = orNull(form.values.email);
    if (user) submitUpdate(user, fields);
    else submitCreate(fields);
  };

  const options = <T extends string>(values: readonly T[], label: (v: T) => string) =>
    values.map((value) => ({ value, label: label(value) }));

  return (
    <FormModal
      opened
      title={user ? t("users.editTitle") : t("users.createTitle")}
      onClose={onClose}
      onSubmit={onSubmit}
      isPending={mutation.isPending}
      error={mutation.error}
      fields={FIELDS}
    >
      {user ? null : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("fields.username")}
            {...form.text("username")}
            dir="ltr"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={LIMITS.username}
            required
          />
          <div />
          <PasswordFields
            name="password"
            label={t("fields.password")}
            value={form.values.password}
            confirm={form.values.confirm}
            error={form.errors.password}
            confirmError={form.errors.confirm}
            onChange={(v) => form.set("password", v)}
            onConfirmChange={(v) => form.set("confirm", v)}
          />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("fields.displayNameAr")}
          {...form.text("displayNameAr")}
          dir="rtl"
          lang="ar"
          maxLength={LIMITS.name}
          required
        />
        <TextInput
          label={t("fields.displayNameEn")}
          {...form.text("displayNameEn")}
          dir="ltr"
          lang="en"
          maxLength={LIMITS.name}
          required
        />
        <TextInput
          label={t("fields.email")}
          {...form.text("email")}
          type="email"
          dir="ltr"
          maxLength={LIMITS.email}
        />
        <Select
          label={t("fields.role")}
          {...form.choice("role")}
          data={options(ROLES, (r) => t(`enums.role.${r}`))}
          allowDeselect={false}
          required
        />
      </SimpleGrid>
      <AgencySelect label={t("fields.agencyId")} {...form.choice("agencyId")} required />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t("fields.language")}
          {...form.choice("language")}
          data={options(LANGUAGES, (l) => t(`enums.language.${l}`))}
          allowDeselect={false}
        />
        <Select
          label={t("fields.calendar")}
          {...form.choice("calendar")}
          data={options(CALENDARS, (c) => t(`enums.calendar.${c}`))}
          allowDeselect={false}
        />
        <Select
          label={t("fields.numerals")}
          {...form.choice("numerals")}
          data={options(NUMERALS, (n) => t(`enums.numerals.${n}`))}
          allowDeselect={false}
        />
        <Select
          label={t("fields.sensitivity")}
          {...form.choice("sensitivity")}
          data={options(SENSITIVITIES, (s) => t(`enums.sensitivity.${s}`))}
          allowDeselect={false}
        />
      </SimpleGrid>
    </FormModal>
  );
}
