export { PersonnelPage } from "./personnel-page";
