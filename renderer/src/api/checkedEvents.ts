/**
 * The events of whichever transport, checked before the UI sees them (issue #25): a payload
 * that does not match its schema is dropped, as a malformed call is refused.
 */
import {
  type AppStatus,
  type ClubEvents,
  checkedEvent,
  Emitter,
  type RecordsChange,
  type WireEvent,
} from '../../../shared/api/events.ts';

/** Events from a raw source (Electron's preload hands payloads over unchecked). */
export function checkedClubEvents(raw: ClubEvents): ClubEvents {
  return {
    onDidChangeRecords: (listener) =>
      raw.onDidChangeRecords((payload) => {
        const checked = checkedEvent('records', payload);
        if (checked?.event === 'records') listener(checked.payload);
      }),
    onDidChangeStatus: (listener) =>
      raw.onDidChangeStatus((payload) => {
        const checked = checkedEvent('status', payload);
        if (checked?.event === 'status') listener(checked.payload);
      }),
  };
}

/** Events from a stream of already checked wire events (the browser mode). */
export class StreamedClubEvents implements ClubEvents {
  private readonly records = new Emitter<RecordsChange>();
  private readonly status = new Emitter<AppStatus>();
  readonly onDidChangeRecords = this.records.event;
  readonly onDidChangeStatus = this.status.event;

  dispatch(event: WireEvent): void {
    if (event.event === 'records') this.records.fire(event.payload as RecordsChange, report);
    else this.status.fire(event.payload as AppStatus, report);
  }
}

function report(error: unknown): void {
  console.error('An event listener failed:', error);
}
