/**
 * A page that fails to load its code (the statistics' chunk after an update) or throws while
 * drawing ends in a message on that page, not in a white window: the sidebar stays, other
 * pages open, and "Neu laden" loads the app again (data typed elsewhere is saved already or
 * guarded by its dialog).
 */
import { Alert, Button, Group } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function PageFailed({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('app.pageFailed')} data-testid="page-failed">
      {message}
      <Group mt="sm">
        <Button onClick={() => window.location.reload()}>{t('app.reload')}</Button>
      </Group>
    </Alert>
  );
}

export class PageErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('A page failed:', error, info.componentStack);
  }

  override render() {
    return this.state.error ? (
      <PageFailed message={this.state.error.message} />
    ) : (
      this.props.children
    );
  }
}
