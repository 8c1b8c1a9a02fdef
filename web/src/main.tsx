import "@fontsource/noto-sans-arabic/400.css";
import "@fontsource/noto-sans-arabic/700.css";
import "./app/styles";
import "./app/global.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app";
import { applyLanguage, storedLanguage } from "./app/i18n";

const root = document.getElementById("root");
if (!root) throw new Error("index.html lacks #root");
// The first render waits for the chosen language's catalogue (English is fetched; Arabic is in the bundle).
void applyLanguage(storedLanguage()).finally(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
