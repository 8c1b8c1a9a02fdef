import type { Person, PersonCreateBody, PersonUpdateBody } from "../../../../common/schemas/personnel";
import { resourceHooks } from "../../app/resource-hooks";

export const personnelHooks = resourceHooks<Person, PersonCreateBody, PersonUpdateBody>(
  "personnel",
  "/api/v1/personnel",
);
