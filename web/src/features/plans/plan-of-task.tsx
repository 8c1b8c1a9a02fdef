import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { currentLanguage } from "../../app/i18n";
import { usePlan } from "./plans-queries";

/** The plan a task belongs to, by name, and the objective it serves (a task page shows it). */
export function PlanOfTask({ planId, objectiveId }: { planId: string; objectiveId: string | null }) {
  const { t } = useTranslation();
  const { data: plan } = usePlan(planId);
  if (!plan) return null;
  const isArabic = currentLanguage() === "ar";
  const titleOf = (r: { titleAr: string; titleEn?: string | null }) =>
    isArabic ? r.titleAr : r.titleEn || r.titleAr;
  const objective = plan.objectives.find((o) => o.id === objectiveId);
  return (
    <Text size="sm" data-testid="task-plan">
      {t("tasks.plan")}:{" "}
      <Anchor component={Link} to={`/plans/${plan.id}`} size="sm">
        {titleOf(plan)}
      </Anchor>
      {objective ? (
        <>
          {" — "}
          {t("tasks.objective")}: {titleOf(objective)}
        </>
      ) : null}
    </Text>
  );
}
