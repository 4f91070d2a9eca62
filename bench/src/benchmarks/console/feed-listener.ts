/**
 * A bare SSE reader of the dispatch-centre feed, the baseline of "event → row on the page": when each issue's
 * `dispatched` message reaches a plain client (epoch ms), with no page, no query cache and no rendering.
 */
export async function listenToFeed(
  url: string,
  token: string,
): Promise<{ dispatched: Map<string, number>; stop: () => void }> {
  const dispatched = new Map<string, number>();
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  if (!response.ok || !response.body) throw new Error(`bench: the feed answered ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!/^event: dispatched$/m.test(block)) continue;
          const data = /^data: (.*)$/m.exec(block)?.[1];
          const issueId = data ? (JSON.parse(data) as { issueId: string }).issueId : undefined;
          if (issueId && !dispatched.has(issueId)) dispatched.set(issueId, Date.now());
        }
      }
    } catch {
      // aborted by stop()
    }
  })();
  return { dispatched, stop: () => controller.abort() };
}
