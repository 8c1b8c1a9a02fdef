export { TasksPage } from "./tasks-page";
export { TaskPage } from "./task-page";
