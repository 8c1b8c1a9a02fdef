import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

// Import boundaries: common imports neither side; web never imports server; server never imports web.
const boundary = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

export default tseslint.config(
  { ignores: ["node_modules/", "web/dist/", "data/", "test-results/", "server/db/migrations/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
    },
  },
  {
    files: ["common/**"],
    rules: boundary([
      { group: ["**/server/**", "**/web/**"], message: "common/ imports neither server/ nor web/." },
    ]),
  },
  {
    files: ["web/**"],
    rules: boundary([{ group: ["**/server/**"], message: "web/ never imports server/." }]),
  },
  {
    files: ["server/**"],
    rules: boundary([{ group: ["**/web/src/**"], message: "server/ never imports the web app." }]),
  },
);
