// Every link source, in one list: the features whose records become tasks or needs (see record-links.ts).
import { commitmentLinks } from "../features/meetings";
import { registerLinkSource } from "./record-links";

registerLinkSource(commitmentLinks);
