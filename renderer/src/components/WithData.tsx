/**
 * A sentence of the UI with the club's data in it (member names): the data is marked as such,
 * so a check of the UI's language does not take a name for a word of the UI.
 */
import { Fragment } from 'react';

const SLOT = '\u0000';

export function WithData({ text, data }: { text: (slot: string) => string; data: string }) {
  const parts = text(SLOT).split(SLOT);
  return (
    <>
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence, in order
        <Fragment key={i}>
          {i > 0 && <span data-user-data>{data}</span>}
          {part}
        </Fragment>
      ))}
    </>
  );
}
