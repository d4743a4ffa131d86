import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUILT_IN_ROLES, isBuiltInRole } from '../../../shared/rights/roles.ts';
import type { ClubChoice as Choice } from '../../../shared/web/webProtocol.ts';
import { SignInFrame } from './SignInFrame.tsx';
import { useWebSession } from './sessionStore.ts';
import { signInProblem } from './signInErrors.ts';
import { webRequests } from './webRequests.ts';

export function roleLabel(role: string): string {
  return isBuiltInRole(role) ? BUILT_IN_ROLES[role].label : role;
}

/** An account in several clubs: which one to work with in this session. */
export function ClubChoice() {
  const { t } = useTranslation();
  const clubs = useWebSession((s) => s.view?.clubs ?? []);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function choose(club: Choice) {
    setBusy(club.clubId);
    const result = await webRequests.chooseClub(club.clubId);
    setBusy(null);
    if (!result.ok) setProblem(signInProblem(result.error, []).form);
  }

  return (
    <SignInFrame
      title={t('webApp.chooseClub.title')}
      intro={t('webApp.chooseClub.intro')}
      problem={problem}
      testId="club-choice"
    >
      <Stack gap="xs">
        {clubs.map((club, index) => (
          <Button
            key={club.clubId}
            variant="default"
            size="md"
            justify="space-between"
            fullWidth
            loading={busy === club.clubId}
            disabled={busy !== null && busy !== club.clubId}
            onClick={() => void choose(club)}
            rightSection={t('webApp.chooseClub.role', { role: roleLabel(club.role) })}
            autoFocus={index === 0}
            data-testid={`club-choice-${club.clubId}`}
          >
            {club.clubName}
          </Button>
        ))}
      </Stack>
    </SignInFrame>
  );
}
