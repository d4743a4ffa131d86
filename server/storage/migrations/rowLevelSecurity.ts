/** The club of the current transaction, as `enterClubScope` sets it. */
export const CLUB_SCOPE = `NULLIF(current_setting('tutti.club_id', true), '')::uuid`;

/** SQL that puts a club table under forced row-level security for the application role. */
export function isolateClubTable(table: string): string {
  return `
    ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
    ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
    CREATE POLICY club_isolation ON ${table} TO tutti_app
      USING (club_id = ${CLUB_SCOPE}) WITH CHECK (club_id = ${CLUB_SCOPE});`;
}
