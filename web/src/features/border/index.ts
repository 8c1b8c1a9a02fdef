export { BorderPage } from "./border-page";
