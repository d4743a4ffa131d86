import type { ServerMigration } from './serverMigration.ts';

/**
 * The web application's page of members sorted by name (`ClubRecords.membersByName`): without
 * an index every request sorts the whole club (5,000 members: ~15 ms each, under 200 sessions
 * at once the queue grows past any deadline).
 */
export const migration0014MembersByName: ServerMigration = {
  version: 14,
  name: 'members-by-name',
  up: `
    CREATE INDEX records_members_by_name ON records (
      club_id, lower(fields->>'lastName'), lower(fields->>'firstName'), id
    ) WHERE entity = 'members' AND NOT deleted;
  `,
};
