/**
 * One search across Tansiq (`GET /api/v1/search?q=`): incidents, tasks, plans, needs, meetings, personnel and
 * agencies the reader may list, ranked, each hit with its reference, title, a marked snippet and its page.
 */
export { searchRoutes } from "./search.routes";
export { searchPolicy } from "./search.policy";
