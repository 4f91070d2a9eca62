/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// These functions run inside the page (Playwright serialises them), where the DOM is.
import type { Page } from 'playwright-core';

/**
 * Milliseconds from the navigation's start until every lane of the board has drawn: its first cases, or its
 * "no cases" line, and the lanes together hold at least `expectedTotal` cases.
 */
export async function boardDrawnAfter(page: Page, url: string, expectedTotal: number): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (expected) => {
      const lanes = [...document.querySelectorAll<HTMLElement>('.lane-scroll')];
      if (lanes.length !== 6) return false;
      let total = 0;
      for (const lane of lanes) {
        const count = Number(lane.dataset.total ?? 0);
        total += count;
        const drawn =
          count > 0
            ? lane.querySelector('.case-card[data-issue-id]') !== null
            : lane.querySelector('.lane-empty') !== null;
        if (!drawn) return false;
      }
      return total >= expected ? performance.now() : false;
    },
    expectedTotal,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Frame intervals (ms) while the lane is scrolled from top to bottom over `durationMs`, one step per animation
 * frame; with `scroll` false, the same loop on an idle page (the browser's own frame pacing, the baseline).
 */
export async function frameIntervals(
  page: Page,
  laneSelector: string,
  durationMs: number,
  scroll: boolean,
): Promise<number[]> {
  return page.evaluate(
    ({ selector, duration, moving }) =>
      new Promise<number[]>((resolve) => {
        const lane = document.querySelector<HTMLElement>(selector);
        const distance = lane ? lane.scrollHeight - lane.clientHeight : 0;
        const intervals: number[] = [];
        let start = -1;
        let last = 0;
        const step = (time: number) => {
          if (start < 0) start = time;
          else intervals.push(time - last);
          last = time;
          const progress = Math.min(1, (time - start) / duration);
          if (moving && lane) lane.scrollTop = progress * distance;
          if (progress < 1) requestAnimationFrame(step);
          else resolve(intervals);
        };
        requestAnimationFrame(step);
      }),
    { selector: laneSelector, duration: durationMs, moving: scroll },
  );
}

/** Starts noting, in the page, when each case card first appears (epoch ms, the same clock as the bench's). */
export async function watchCardsAppear(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Record<string, number> = {};
    (globalThis as unknown as { __cardsSeen: Record<string, number> }).__cardsSeen = seen;
    const note = () => {
      const now = Date.now();
      for (const card of document.querySelectorAll<HTMLElement>('.case-card[data-issue-id]')) {
        const id = card.dataset.issueId as string;
        if (!(id in seen)) seen[id] = now;
      }
    };
    note();
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-issue-id'],
    });
  });
}

export function cardsSeen(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => ({ ...(globalThis as unknown as { __cardsSeen: Record<string, number> }).__cardsSeen }));
}
