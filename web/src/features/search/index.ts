export { SearchBox } from "./search-box";
export { SearchPage } from "./search-page";
