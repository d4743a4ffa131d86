export interface ServerMigration {
  /** Consecutive from 1; recorded in `schema_migrations`. Never edit a shipped one. */
  version: number;
  name: string;
  up: string;
}
