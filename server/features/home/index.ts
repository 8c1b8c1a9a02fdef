/** Today's home: what needs the reader's attention, each group with the filtered list it comes from. */
export { homeRoutes } from "./home.routes";
export { homePolicy } from "./home.policy";
