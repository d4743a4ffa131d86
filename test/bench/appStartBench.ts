/**
 * Issue #25's "app start to the full member list" for `npm run bench:ui`: cold page loads of
 * a running core (`tutti start --browser`), each in a new browser context (no HTTP cache, no
 * session), timed inside the page from the start of the navigation. A script installed before
 * the page's own code clicks "Mitglieder" the moment it exists, and notes when the first
 * member rows are laid out and when the list's count says the store holds every member.
 * The start page is timed the same way, without the click, until its four cards have counts.
 */
import type { Browser, Page } from 'playwright-core';
import { saveFailureScreenshot } from '../support/browser.ts';
import { quantile, report, reportPart } from './benchReport.ts';

/** One `list` RPC of a load, ms after the navigation started. */
export interface ListCall {
  entity: string;
  sent: number;
  /** The answer's headers arrived (the core has serialised the whole list by then). */
  headers: number;
  /** `response.json()` done: the body read and parsed. */
  parsed: number;
  records: number;
}

export interface ColdStart {
  /** ms after the navigation started: the sidebar's "Mitglieder" is in the DOM (and clicked). */
  shell: number;
  /** The first `list` RPC sent; the last one's answer read and parsed (`response.json()`). */
  firstListSent: number;
  lastListAnswered: number;
  lists: ListCall[];
  /** The core's event stream answered (its headers arrived). */
  eventsOpen: number;
  /** The page's own JavaScript and CSS fully loaded. */
  assetsLoaded: number;
  /** Members: the first rows laid out; start page: its cards. */
  firstRows: number;
  /** Members: rows laid out and the count says all N members are in the store. */
  ready: number;
}

/**
 * Plain JavaScript (see TIMER_SCRIPT in ui.bench.ts), run before the page's code on each
 * navigation. It observes the whole document; its callback costs a few selector look-ups per
 * batch of mutations.
 */
function startScript(target: 'members' | 'overview', members: number): string {
  return `
  (() => {
    const marks = { lists: [] };
    window.__coldStart = marks;
    const laidOut = () => { void document.body.offsetHeight; return performance.now(); };
    const originalFetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      let body = {};
      const url = String(typeof input === 'string' ? input : input.url);
      if (url.includes('api/events') && marks.eventsOpen === undefined)
        return originalFetch(input, init).then((response) => {
          marks.eventsOpen = performance.now();
          return response;
        });
      if (url.includes('api/rpc')) {
        try { body = JSON.parse(init && init.body ? init.body : '{}'); } catch {}
      }
      if (body.method !== 'list') return originalFetch(input, init);
      const call = { entity: String(body.args && body.args[0]), sent: performance.now() };
      marks.lists.push(call);
      return originalFetch(input, init).then((response) => {
        call.headers = performance.now();
        const json = response.json.bind(response);
        response.json = () => json().then((value) => {
          call.parsed = performance.now();
          call.records = value && Array.isArray(value.value) ? value.value.length : 0;
          return value;
        });
        return response;
      });
    };
    const check = () => {
      if (marks.shell === undefined) {
        const nav = document.querySelector('[data-testid="nav-members"]');
        if (!nav) return;
        marks.shell = performance.now();
        if (${JSON.stringify(target)} === 'members') nav.click();
      }
      if (${JSON.stringify(target)} === 'overview') {
        const cards = ['honours', 'occasions', 'loans', 'maintenance'];
        if (cards.every((c) => document.querySelector('[data-testid="overview-' + c + '-count"]'))) {
          marks.firstRows = marks.ready = laidOut();
          observer.disconnect();
        }
        return;
      }
      if (marks.firstRows === undefined) {
        if (!document.querySelector('tr[data-row-id]')) return;
        marks.firstRows = laidOut();
      }
      const count = document.querySelector('[data-testid="row-count"]');
      const total = count ? Number((count.textContent.split(/ von | of /)[1] || '').replace(/\\D/g, '')) : 0;
      if (total === ${members}) {
        marks.ready = laidOut();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  })();
`;
}

async function collect(page: Page): Promise<ColdStart> {
  try {
    await page.waitForFunction(
      () =>
        (window as unknown as { __coldStart?: { ready?: number } }).__coldStart?.ready !==
        undefined,
      null,
      { timeout: 60_000, polling: 100 },
    );
  } catch (error) {
    await saveFailureScreenshot(page, 'bench-cold-start');
    console.error(
      'cold start not ready:',
      await page.evaluate(() => ({
        marks: JSON.stringify((window as unknown as { __coldStart?: unknown }).__coldStart),
        count: document.querySelector('[data-testid="row-count"]')?.textContent,
        text: document.body.innerText.slice(0, 500),
      })),
    );
    throw error;
  }
  return page.evaluate(() => {
    const marks = (
      window as unknown as {
        __coldStart: Record<string, number> & { lists: ListCall[] };
      }
    ).__coldStart;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const assets = resources.filter((r) => /\.(js|css)(\?|$)/.test(r.name));
    // A load's lists (a reload after a gap in the events would come after the figure).
    const lists = marks.lists.filter((l) => l.parsed !== undefined && l.sent <= marks.ready!);
    return {
      shell: marks.shell!,
      firstListSent: Math.min(...lists.map((l) => l.sent)),
      lastListAnswered: Math.max(...lists.map((l) => l.parsed)),
      lists,
      eventsOpen: marks.eventsOpen ?? Number.NaN,
      assetsLoaded: Math.max(0, ...assets.map((r) => r.responseEnd)),
      firstRows: marks.firstRows!,
      ready: marks.ready!,
    };
  });
}

/** `loads` cold loads of `url`, each in a new context, until the target is ready. */
export async function coldStarts(
  browser: Browser,
  url: string,
  target: 'members' | 'overview',
  members: number,
  loads: number,
): Promise<ColdStart[]> {
  const starts: ColdStart[] = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      locale: 'de-DE',
    });
    try {
      await context.addInitScript(startScript(target, members));
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'commit' });
      starts.push(await collect(page));
      // The core finishes what the page asked (status, event stream) before the next load.
      await page.waitForTimeout(300);
    } finally {
      await context.close();
    }
  }
  return starts;
}

/** Prints the figure and, below it, where its time goes (medians of each step). */
export function reportColdStarts(
  label: string,
  starts: readonly ColdStart[],
  target: 'members' | 'overview',
  goal: number | null,
): void {
  const ready = starts.map((s) => s.ready);
  if (goal === null)
    console.log(
      `${label.padEnd(44)} median ${quantile(ready, 0.5).toFixed(2).padStart(8)} ms   runs ${ready.map((r) => r.toFixed(0)).join(', ')} ms   (no goal; for reference)`,
    );
  else report(label, ready, goal);
  const part = (name: string, values: number[]) => reportPart(name, values, 0.95);
  part(
    'navigation start → page code loaded (HTML, JS, CSS)',
    starts.map((s) => s.assetsLoaded),
  );
  part(
    'page code loaded → first list RPC sent',
    starts.map((s) => s.firstListSent - s.assetsLoaded),
  );
  part(
    `list RPCs (${starts[0]?.lists.length ?? 0}): first sent → last answer parsed`,
    starts.map((s) => s.lastListAnswered - s.firstListSent),
  );
  part(
    target === 'overview'
      ? 'last answer parsed → start page cards laid out'
      : 'last answer parsed → first member rows laid out (all in the store)',
    starts.map((s) => s.firstRows - s.lastListAnswered),
  );
  // The lists that weigh most: their size, when the core had answered, when the page had parsed.
  const first = starts[0];
  if (!first) return;
  const heaviest = first.lists.toSorted((a, b) => b.records - a.records).slice(0, 3);
  const of = (entity: string, pick: (call: ListCall, start: ColdStart) => number) =>
    quantile(
      starts.map((s) => pick(s.lists.find((l) => l.entity === entity)!, s)),
      0.5,
    ).toFixed(0);
  console.log(
    `    heaviest lists (medians, ms after the first list was sent): ${heaviest
      .map(
        (l) =>
          `${l.entity} (${l.records}) answered at ${of(l.entity, (c, s) => c.headers - s.firstListSent)}, parsed at ${of(l.entity, (c, s) => c.parsed - s.firstListSent)}`,
      )
      .join('; ')}`,
  );
  const at = (pick: (s: ColdStart) => number) => quantile(starts.map(pick), 0.5).toFixed(0);
  console.log(
    `    (ms after the navigation started: event stream open ${at((s) => s.eventsOpen)}, first list sent ${at((s) => s.firstListSent)}, sidebar in the DOM ${at((s) => s.shell)}${target === 'members' ? ' and "Mitglieder" clicked' : ''})`,
  );
}
