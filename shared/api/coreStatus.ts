/** What the core says of itself: the profile, the device, the changes not yet sent. */
export interface CoreStatus {
  /** Where the local database lives (desktop) or the club's name (web). */
  profile: string;
  deviceId: string;
  /** The computer's name: recorded at enrolment, else this computer's name now. */
  deviceName: string;
  schemaVersion: number;
  /** Local changes not yet acknowledged by a server. */
  pendingMutations: number;
  lastMutationId: number;
}
