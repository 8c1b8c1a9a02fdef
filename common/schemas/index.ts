export * from "./base";
export * from "./agencies";
export * from "./users";
export * from "./personnel";
export * from "./auth";
export * from "./audit";
export * from "./meetings";
