/**
 * The notice after a change that can be taken back: what happened, and "Rückgängig" for ten
 * seconds. `undo` answers the notice that follows (done, or why not).
 */
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';

export function showUndoNotice(options: {
  id: string;
  text: string;
  undoLabel: string;
  undo: () => Promise<{ ok: true; text: string } | { ok: false; text: string }>;
}): void {
  notifications.show({
    id: options.id,
    autoClose: 10_000,
    message: (
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{options.text}</Text>
        <Button
          size="xs"
          variant="light"
          onClick={async () => {
            notifications.hide(options.id);
            const outcome = await options.undo();
            notifications.show(
              outcome.ok
                ? { message: outcome.text, autoClose: 3000 }
                : { color: 'red', message: outcome.text, autoClose: 8000 },
            );
          }}
        >
          {options.undoLabel}
        </Button>
      </Group>
    ),
  });
}
