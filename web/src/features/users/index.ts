export { UsersPage } from "./users-page";
export { userHooks } from "./users-queries";
