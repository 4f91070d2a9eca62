import { createContext, ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { apiUrl, authHeaders } from '../api/http';
import type { FeedMessage } from '../api/types';
import { seesDistrictBoard } from '../auth/session';
import { useScope } from '../shell/scope';
import { openSseStream, StreamState } from './sse-stream';

/**
 * The dispatch-centre feed (SSE from analytics) for the screen's scope. A message does not carry everything a
 * row shows (place names, age), so it only says when to read the board again: analytics sends it after the
 * projector's commit, and a refresh then finds the row. A burst of messages is coalesced into one refresh at its
 * start and one after its last message; the feed makes the board fast, the board stays the truth.
 */
export interface LiveFeed {
  readonly state: StreamState | 'polling';
  /** Issue id → when its last message arrived (ms), to highlight fresh rows. */
  readonly recent: ReadonlyMap<string, number>;
  readonly lastMessage: FeedMessage | null;
}

const LiveFeedContext = createContext<LiveFeed>({ state: 'connecting', recent: new Map(), lastMessage: null });

const refreshNowMs = 100;
const refreshAgainMs = 1200;
/** Grid staff have no district feed: their board is refreshed on this period instead. */
const pollingPeriodMs = 3000;
const highlightMs = 10_000;

export function LiveFeedProvider({ children }: { children: ReactNode }) {
  const scope = useScope();
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveFeed['state']>('connecting');
  const [recent, setRecent] = useState<Map<string, number>>(new Map());
  const [lastMessage, setLastMessage] = useState<FeedMessage | null>(null);
  const timers = useRef<{ now: number | null; again: number | null }>({ now: null, again: null });

  useEffect(() => {
    const lists = ['board', 'queue', 'grid-cases', 'map-cases'];
    const refresh = () =>
      void queryClient.invalidateQueries({ predicate: (query) => lists.includes(String(query.queryKey[0])) });
    // An open case drawer is refreshed only by news of that case: an operator reading it keeps what they read
    // until it changes, and a stale action still meets the API's version check (409, shown as such).
    const refreshCase = (issueId: string) =>
      void queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] === 'case' && query.queryKey[2] === issueId,
      });
    const scheduleRefresh = () => {
      // Coalesce a burst into one refresh now and one shortly after, whatever the rate of messages.
      timers.current.now ??= window.setTimeout(() => {
        timers.current.now = null;
        refresh();
      }, refreshNowMs);
      if (timers.current.again !== null) window.clearTimeout(timers.current.again);
      timers.current.again = window.setTimeout(() => {
        timers.current.again = null;
        refresh();
      }, refreshAgainMs);
    };

    if (!seesDistrictBoard(scope.session)) {
      setState('polling');
      const interval = window.setInterval(refresh, pollingPeriodMs);
      return () => window.clearInterval(interval);
    }
    const url =
      scope.tenantId === null
        ? apiUrl('analytics', '/v1/city/feed')
        : apiUrl('analytics', `/v1/tenants/${encodeURIComponent(scope.tenantId)}/feed`);
    const stop = openSseStream({
      url,
      headers: authHeaders,
      onState: (next) => setState(next),
      onReconnected: refresh,
      onRefused: () => setState('closed'),
      onMessage: (message) => {
        if (message.event === 'message') return;
        let parsed: FeedMessage;
        try {
          parsed = JSON.parse(message.data) as FeedMessage;
        } catch {
          return;
        }
        setLastMessage(parsed);
        setRecent((previous) => {
          const now = Date.now();
          const next = new Map([...previous].filter(([, at]) => now - at < highlightMs));
          next.set(parsed.issueId, now);
          return next;
        });
        scheduleRefresh();
        refreshCase(parsed.issueId);
      },
    });
    return () => {
      stop();
      if (timers.current.now !== null) window.clearTimeout(timers.current.now);
      if (timers.current.again !== null) window.clearTimeout(timers.current.again);
      timers.current = { now: null, again: null };
    };
  }, [scope.session, scope.tenantId, queryClient]);

  const value = useMemo(() => ({ state, recent, lastMessage }), [state, recent, lastMessage]);
  return <LiveFeedContext.Provider value={value}>{children}</LiveFeedContext.Provider>;
}

export const useLiveFeed = () => useContext(LiveFeedContext);
