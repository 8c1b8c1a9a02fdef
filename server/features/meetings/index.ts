export { meetingRoutes } from "./meetings.routes";
export { meetingsPolicy } from "./meetings.policy";
