import { Component, type ErrorInfo, type ReactNode } from "react";
import { ErrorAlert } from "./error-alert";
import { i18n } from "./i18n";

type Props = { children: ReactNode };
type State = { error: Error | null };

/** A page's code that could not be fetched (a poor connection, or an old asset after an update). */
export function isLoadFailure(error: Error): boolean {
  return /dynamically imported module|Importing a module script failed|Failed to fetch|error loading dynamically/i.test(
    error.message,
  );
}

/**
 * Keeps a failing page from blanking the whole app; the user can retry. A page that could not be loaded is
 * a connection problem; anything else is our bug, and is said so (never "service unavailable").
 * Keyed by the path where it is used, so navigating away resets it.
 */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const message = i18n.t(isLoadFailure(error) ? "app.pageNotLoaded" : "app.pageFailed");
    return (
      <div data-testid="page-error">
        <ErrorAlert message={message} onRetry={() => window.location.reload()} />
      </div>
    );
  }
}
