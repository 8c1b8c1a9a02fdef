import { Component, type ErrorInfo, type ReactNode } from "react";
import { ErrorAlert } from "./error-alert";
import { i18n } from "./i18n";

type Props = { children: ReactNode };
type State = { error: Error | null };

/**
 * Keeps a failing page from blanking the whole app (e.g. a page's code could not be fetched on a poor
 * connection); the user can retry. Keyed by the path where it is used, so navigating away resets it.
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
    if (!this.state.error) return this.props.children;
    return <ErrorAlert message={i18n.t("errors.unavailable")} onRetry={() => window.location.reload()} />;
  }
}
