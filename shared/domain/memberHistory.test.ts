import { describe, expect, it } from 'vitest';
import { memberHistory } from './memberHistory.ts';
import { followMembership, initialMemberships } from './memberships.ts';

const TODAY = '2026-12-07';
const p = (status: string, from: string | null, until: string | null = null) => ({
  status,
  from,
  until,
  notes: null,
});

describe('membership history', () => {
  it('starts a new member with one period from the entry date, or from an unknown day', () => {
    expect(initialMemberships({ status: 'aktiv', entryDate: '2010-05-01' }, TODAY)).toEqual([
      p('aktiv', '2010-05-01'),
    ]);
    // Never the day of the save: honours and the federation report would count from it.
    expect(initialMemberships({ status: 'jugend' }, TODAY)).toEqual([p('jugend', null)]);
  });

  it('ends the open period the day before a status change and opens the next one', () => {
    const before = {
      status: 'aktiv',
      entryDate: '2010-05-01',
      memberships: [p('aktiv', '2010-05-01')],
    };
    const after = { ...before, status: 'passiv' };
    expect(followMembership(before, after, TODAY)).toEqual([
      p('aktiv', '2010-05-01', '2026-12-06'),
      p('passiv', TODAY),
    ]);
  });

  it('ends every open period, a board function too, at the exit date', () => {
    const before = {
      status: 'aktiv',
      memberships: [p('aktiv', '2010-05-01'), p('vorstand', '2018-03-01')],
    };
    const after = { ...before, status: 'ausgetreten', exitDate: '2026-06-30' };
    expect(followMembership(before, after, TODAY)).toEqual([
      p('aktiv', '2010-05-01', '2026-06-29'),
      p('vorstand', '2018-03-01', '2026-06-29'),
      p('ausgetreten', '2026-06-30'),
    ]);
  });

  it('keeps a board function open when only the status changes', () => {
    const before = {
      status: 'aktiv',
      memberships: [p('aktiv', '2010-05-01'), p('vorstand', '2018-03-01')],
    };
    const history = followMembership(before, { ...before, status: 'passiv' }, TODAY);
    expect(history.find((x) => x.status === 'vorstand')?.until).toBeNull();
  });

  it('moves the first period with a corrected entry date, and keeps a history edited by hand', () => {
    const before = {
      status: 'aktiv',
      entryDate: '2010-05-01',
      memberships: [p('aktiv', '2010-05-01')],
    };
    expect(followMembership(before, { ...before, entryDate: '2009-09-01' }, TODAY)).toEqual([
      p('aktiv', '2009-09-01'),
    ]);
    const edited = [p('jugend', '2005-01-01', '2009-12-31'), p('aktiv', '2010-01-01')];
    expect(followMembership(before, { ...before, memberships: edited }, TODAY)).toEqual(edited);
  });
});

describe('consents on a member’s save', () => {
  it('turns a yes/no field set by an older version into a consent given today, and back', () => {
    const before = {
      consents: [],
      consentPhotos: false,
      consentNewsletter: false,
      status: 'aktiv',
    };
    const given = memberHistory(before, { consentPhotos: true }, TODAY);
    expect(given.consents).toEqual([
      { purpose: 'photos', givenOn: TODAY, source: null, withdrawnOn: null },
    ]);
    expect(given.consentPhotos).toBe(true);
    const withdrawn = memberHistory(
      { ...before, ...given },
      { consentPhotos: false },
      '2027-01-02',
    );
    expect(withdrawn.consents).toEqual([
      { purpose: 'photos', givenOn: TODAY, source: null, withdrawnOn: '2027-01-02' },
    ]);
    expect(withdrawn.consentPhotos).toBe(false);
  });

  it('derives the yes/no fields from consents a person edited', () => {
    const list = [
      {
        purpose: 'newsletter',
        givenOn: '2020-01-01',
        source: 'Beitrittserklärung',
        withdrawnOn: null,
      },
    ];
    const saved = memberHistory(
      null,
      { status: 'aktiv', consents: list, consentPhotos: true },
      TODAY,
    );
    expect(saved).toMatchObject({ consents: list, consentNewsletter: true, consentPhotos: false });
  });
});

describe('membership history from contradicting dates', () => {
  it('starts nothing at an entry after the exit, and stays valid', () => {
    const history = initialMemberships(
      { status: 'ausgetreten', entryDate: '2010-01-01', exitDate: '2005-01-01' },
      TODAY,
    );
    expect(history).toEqual([p('mitglied', null, '2004-12-31'), p('ausgetreten', '2005-01-01')]);
  });
});

describe('edits from elsewhere and by hand', () => {
  it('keeps a withdrawal an older version made through the yes/no field, on the next save', () => {
    const stored = {
      status: 'aktiv',
      consentPhotos: false, // withdrawn on an older version; the list still says given
      consents: [{ purpose: 'photos', givenOn: '2020-01-01', source: null, withdrawnOn: null }],
    };
    const saved = memberHistory(stored, { ...stored, city: 'Lindau' }, TODAY);
    expect(saved.consentPhotos).toBe(false);
    expect(saved.consents).toEqual([
      { purpose: 'photos', givenOn: '2020-01-01', source: null, withdrawnOn: TODAY },
    ]);
  });

  it('keeps a history the person edited in the same save as they left it, even empty', () => {
    const before = { status: 'aktiv', memberships: [p('aktiv', '2010-05-01')] };
    const typed = [p('aktiv', '2010-05-01', '2025-12-31'), p('passiv', '2026-01-01')];
    expect(
      followMembership(before, { ...before, status: 'passiv', memberships: typed }, TODAY),
    ).toEqual(typed);
    expect(followMembership(before, { ...before, memberships: [] }, TODAY)).toEqual([]);
  });

  it('never moves the first period past its own end with a later entry date', () => {
    const before = {
      status: 'passiv',
      entryDate: '2010-05-01',
      memberships: [p('aktiv', '2010-05-01', '2012-12-31'), p('passiv', '2013-01-01')],
    };
    const history = followMembership(before, { ...before, entryDate: '2014-01-01' }, TODAY);
    expect(history[0]).toEqual(p('aktiv', '2010-05-01', '2012-12-31'));
  });
});
