import { Anchor, Button, Group, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { COMMITMENT_ACTIONS, type CommitmentAction } from "../../../../common/enums";
import type { Commitment } from "../../../../common/schemas/meetings";
import { FormModal } from "../../app/form-modal";
import { ConvertToNeedModal, ConvertToTaskModal } from "./convert-modals";
import { useCommitmentStep } from "./meetings-queries";

/** Dropping and reopening say why; starting and completing may. */
const REASON_REQUIRED: ReadonlySet<CommitmentAction> = new Set(["drop", "reopen"]);

/** The task and need a commitment was converted to, as links. */
export function CommitmentLinks({ commitment: c }: { commitment: Commitment }) {
  const { t } = useTranslation();
  if (!c.taskId && !c.needId) return null;
  return (
    <Group gap="xs">
      {c.taskId ? (
        <Anchor component={Link} to={`/tasks/${c.taskId}`} size="sm" data-testid="commitment-task-link">
          {t("meetingPages.openTask")}
        </Anchor>
      ) : null}
      {c.needId ? (
        <Anchor component={Link} to={`/needs/${c.needId}`} size="sm" data-testid="commitment-need-link">
          {t("meetingPages.openNeed")}
        </Anchor>
      ) : null}
    </Group>
  );
}

/**
 * The status steps and conversions the server allows on this commitment (from its abilities): a step asks for
 * a reason (required to drop or reopen); a conversion opens the created task or need.
 */
export function CommitmentActions({ commitment: c }: { commitment: Commitment }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const step = useCommitmentStep();
  const [asking, setAsking] = useState<CommitmentAction | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [converting, setConverting] = useState<"task" | "need" | null>(null);
  const steps = COMMITMENT_ACTIONS.filter((a) => c.abilities[a]);
  if (steps.length === 0 && !c.abilities.convertToTask && !c.abilities.convertToNeed) return null;

  const close = () => {
    setAsking(null);
    step.reset();
  };
  const submit = () => {
    if (!asking) return;
    const text = reason.trim();
    if (REASON_REQUIRED.has(asking) && text === "") {
      setError(t("validation.required", { field: t("meetingPages.reason") }));
      return;
    }
    step.mutate({ id: c.id, action: asking, reason: text || null }, { onSuccess: close });
  };

  return (
    <Group gap={6} wrap="wrap" data-testid="commitment-actions">
      {steps.map((action) => (
        <Button
          key={action}
          size="compact-xs"
          variant={action === "drop" ? "subtle" : "light"}
          color={action === "drop" ? "red" : action === "complete" ? "green" : undefined}
          onClick={() => {
            setReason("");
            setError(undefined);
            setAsking(action);
          }}
          data-testid={`commitment-step-${action}`}
        >
          {t(`enums.commitmentAction.${action}`)}
        </Button>
      ))}
      {c.abilities.convertToTask ? (
        <Button
          size="compact-xs"
          variant="outline"
          onClick={() => setConverting("task")}
          data-testid="commitment-convert-task"
        >
          {t("meetingPages.convertToTask")}
        </Button>
      ) : null}
      {c.abilities.convertToNeed ? (
        <Button
          size="compact-xs"
          variant="outline"
          onClick={() => setConverting("need")}
          data-testid="commitment-convert-need"
        >
          {t("meetingPages.convertToNeed")}
        </Button>
      ) : null}
      {asking ? (
        <FormModal
          opened
          title={`${t(`enums.commitmentAction.${asking}`)} — ${c.reference}`}
          onClose={close}
          onSubmit={submit}
          isPending={step.isPending}
          error={step.error}
          fields={["reason"]}
          submitLabel={t("meetingPages.confirmStep")}
        >
          <Textarea
            label={t("meetingPages.reason")}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setError(undefined);
            }}
            error={error}
            required={REASON_REQUIRED.has(asking)}
            autosize
            minRows={2}
            data-testid="commitment-reason"
          />
        </FormModal>
      ) : null}
      {converting === "task" ? (
        <ConvertToTaskModal
          commitment={c}
          onClose={() => setConverting(null)}
          onDone={(taskId) => void navigate(`/tasks/${taskId}`)}
        />
      ) : null}
      {converting === "need" ? (
        <ConvertToNeedModal
          commitment={c}
          onClose={() => setConverting(null)}
          onDone={(needId) => void navigate(`/needs/${needId}`)}
        />
      ) : null}
    </Group>
  );
}
