export { SharesLine } from "./shares-line";
