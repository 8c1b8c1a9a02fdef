export { AskedOfMePage, NeedsPage } from "./needs-page";
export { NeedPage } from "./need-page";
export { UnmetPage } from "./unmet-page";
export { ProblemsPage } from "./problems-page";
