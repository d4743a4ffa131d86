/** The strength hint under a new passphrase: the same scale as `tutti backup create`. */
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { passphraseStrength } from '../../../shared/domain/passphraseStrength.ts';

const STRENGTH_COLOR = { zu_kurz: 'red', schwach: 'orange', mittel: 'yellow', stark: 'green' };

export function PassphraseStrength({ passphrase }: { passphrase: string }) {
  const { t } = useTranslation();
  if (passphrase === '') return null;
  const strength = passphraseStrength(passphrase);
  return (
    <Group gap="xs">
      <Text size="sm">{t('backup.strength')}</Text>
      <Badge color={STRENGTH_COLOR[strength]} data-testid="backup-strength">
        {t(`backup.strengthLevel.${strength}`)}
      </Badge>
    </Group>
  );
}
