export { BorderPage } from "./border-page";
export { useCrossings } from "./border-queries";
