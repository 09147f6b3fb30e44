/** Ways into the schedule screens from the workforce pages. */
import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { useScheduleT } from './schedule-i18n.ts';

export function ScheduleLinks({ manage }: { manage: boolean }) {
  const t = useScheduleT();
  return (
    <>
      <Button component={Link} to="/workforce/me" variant="light" data-testid="link-my-schedule">
        {t('links.mySchedule')}
      </Button>
      {manage && (
        <Button component={Link} to="/workforce/adherence" variant="light" data-testid="link-adherence">
          {t('links.adherence')}
        </Button>
      )}
    </>
  );
}

export function RosterLink({ planId }: { planId: string }) {
  const t = useScheduleT();
  return (
    <Button
      component={Link}
      to={`/workforce/plans/${planId}/roster`}
      variant="light"
      data-testid="link-roster"
    >
      {t('links.roster')}
    </Button>
  );
}
