import { Alert, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The frame of every sign-in step: its heading, what to do, a problem of the whole form. */
export function SignInFrame({
  title,
  intro,
  problem,
  children,
  testId,
}: {
  title: string;
  intro?: ReactNode;
  problem?: string | null;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Stack gap="md" data-testid={testId}>
      <Title order={1} size="h2">
        {title}
      </Title>
      {intro && <Text>{intro}</Text>}
      {problem && (
        <Alert color="red" role="alert" data-testid="sign-in-error">
          {problem}
        </Alert>
      )}
      {children}
    </Stack>
  );
}

/** Focuses the first field with a message, else the first field: where the fix is typed. */
export function focusProblem(form: HTMLFormElement | null, fields: Record<string, string>): void {
  if (!form) return;
  const named = Object.keys(fields)
    .map((name) => form.querySelector<HTMLElement>(`[data-field="${name}"]`))
    .find((input) => input !== null);
  (named ?? form.querySelector<HTMLElement>('input'))?.focus();
}
