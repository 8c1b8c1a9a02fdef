import { NativeSelect, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DeliveryBody, PledgeBody, type NeedDetail } from "../../../../common/schemas/needs";
import { FormModal } from "../../app/form-modal";
import { serverFieldErrors, useFormState, validate } from "../../app/form-state";
import { useAgencyOptions } from "../agencies";
import { useDeliver, usePledge } from "./needs-queries";
import { DateField } from "../../app/date-field";

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Tripoli" }).format(new Date());

/** Records a pledge (who committed, how much, by when) or a delivery (how much, when, reference, received by). */
export function SupplyModal({
  need,
  kind,
  onClose,
}: {
  need: NeedDetail;
  kind: "pledge" | "deliver";
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const agencies = useAgencyOptions();
  const pledge = usePledge();
  const deliver = useDeliver();
  const mutation = kind === "pledge" ? pledge : deliver;
  const form = useFormState({
    quantity: String(need.remainingQuantity),
    pledgerAgencyId: need.responsibleAgencyId,
    pledgerName: "",
    dueOn: "",
    note: "",
    deliveredOn: today(),
    reference: "",
    receivedBy: "",
  });
  const v = form.values;
  const onError = (error: Error) => form.setErrors(serverFieldErrors(error));
  const onSubmit = () => {
    const quantity = v.quantity === "" ? undefined : Number(v.quantity);
    if (kind === "pledge") {
      const checked = validate(PledgeBody, {
        pledgerAgencyId: v.pledgerName.trim() ? null : v.pledgerAgencyId || null,
        pledgerName: v.pledgerName,
        quantity,
        dueOn: v.dueOn || null,
        note: v.note,
      });
      if (!checked.ok) return form.setErrors(checked.errors);
      return pledge.mutate({ id: need.id, body: checked.data }, { onSuccess: onClose, onError });
    }
    const checked = validate(DeliveryBody, {
      quantity,
      deliveredOn: v.deliveredOn,
      reference: v.reference,
      receivedBy: v.receivedBy,
    });
    if (!checked.ok) return form.setErrors(checked.errors);
    deliver.mutate({ id: need.id, body: checked.data }, { onSuccess: onClose, onError });
  };
  return (
    <FormModal
      opened
      title={kind === "pledge" ? t("needs.addPledge") : t("needs.addDelivery")}
      onClose={onClose}
      onSubmit={onSubmit}
      isPending={mutation.isPending}
      error={mutation.error}
      fields={[
        "quantity",
        "pledgerAgencyId",
        "pledgerName",
        "dueOn",
        "deliveredOn",
        "reference",
        "receivedBy",
      ]}
    >
      <TextInput
        label={t("needs.columns.quantity")}
        {...form.text("quantity")}
        inputMode="decimal"
        dir="ltr"
        required
        data-testid="supply-quantity"
      />
      {kind === "pledge" ? (
        <>
          <NativeSelect
            label={t("needs.pledgerAgency")}
            value={v.pledgerAgencyId}
            onChange={(e) => form.set("pledgerAgencyId", e.currentTarget.value)}
            data={[{ value: "", label: "—" }, ...agencies]}
          />
          <TextInput label={t("needs.pledgerName")} {...form.text("pledgerName")} />
          <DateField label={t("needs.dueOn")} {...form.choice("dueOn")} data-testid="supply-due" />
          <TextInput label={t("needs.note")} {...form.text("note")} />
        </>
      ) : (
        <>
          <DateField label={t("needs.deliveredOn")} {...form.choice("deliveredOn")} required />
          <TextInput
            label={t("needs.deliveryReference")}
            {...form.text("reference")}
            dir="ltr"
            data-testid="supply-reference"
          />
          <TextInput
            label={t("needs.receivedBy")}
            {...form.text("receivedBy")}
            required
            data-testid="supply-received-by"
          />
        </>
      )}
    </FormModal>
  );
}
