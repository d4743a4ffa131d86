export interface Migration {
  /** Consecutive from 1; stored in `PRAGMA user_version` once applied. */
  version: number;
  name: string;
  /** SQL run in the same transaction that raises `user_version`. Never edit a shipped one. */
  up: string;
}
