/**
 * A sentence of the UI with the club's data in it (member names, the club's own honours): the
 * data is marked as such, so a check of the UI's language does not take a name for a word of
 * the UI. `text` gets a placeholder for each data value and returns the sentence.
 */
import { Fragment } from 'react';

const MARK = '\u0000';

export function WithData({
  text,
  data,
}: {
  text: (slots: Record<string, string>) => string;
  data: Record<string, string>;
}) {
  const names = Object.keys(data);
  const slots = Object.fromEntries(names.map((name, i) => [name, `${MARK}${i}${MARK}`]));
  const parts = text(slots).split(MARK);
  return (
    <>
      {parts.map((part, i) =>
        // Odd parts are the numbers of the data values between the marks.
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence, in order
          <span key={i} data-user-data>
            {data[names[Number(part)]!]}
          </span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence, in order
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
