export { users } from "./users.table";
export type { UserRow } from "./users.table";
export { userRoutes } from "./users.routes";
export { usersPolicy } from "./users.policy";
export { createUser } from "./create-user";
export { actorNames, type ActorName } from "./actor-names";
