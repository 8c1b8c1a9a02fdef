export { tasks, taskSupports, taskUpdates, taskAlerts } from "./tasks.table";
export type { TaskRow } from "./tasks.table";
export { taskRoutes } from "./tasks.routes";
export { tasksPolicy, contributionsPolicy } from "./tasks.policy";
export { createTask } from "./create-task";
export { changeTaskStatus } from "./change-task-status";
export { sweepDueTasks } from "./sweep-due-tasks";
export { findTask } from "./tasks.queries";
export { syncSupportStatus } from "./tasks.queries";
