// A server-sent event stream read with fetch(), so that the bearer token goes in the Authorization header (an
// EventSource can send no header, and the token must never be put in a URL). Parses the text/event-stream format,
// reconnects with Last-Event-ID after a drop, and reports its state.

import { token, url, unauthorized } from './api.js';

const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 15000;

/**
 * Opens the stream at `path`. `onEvent({type, data, id})` gets each event, `onState(state)` each change of
 * 'connecting', 'live', 'reconnecting' or 'closed'. Returns {close()}.
 */
export function openStream(path, { onEvent, onState = () => {} }) {
  let lastEventId = null;
  let closed = false;
  let controller = null;
  let retry = RETRY_MIN_MS;

  async function connect() {
    while (!closed) {
      controller = new AbortController();
      onState('connecting');
      try {
        const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${token.get()}` };
        if (lastEventId) {
          headers['Last-Event-ID'] = lastEventId;
        }
        const response = await fetch(url(path), {
          headers,
          signal: controller.signal,
          cache: 'no-store',
          credentials: 'omit',
        });
        if (response.status === 401) {
          closed = true;
          onState('closed');
          unauthorized();
          return;
        }
        if (!response.ok || !response.body) {
          throw new Error(`HTTP ${response.status}`);
        }
        onState('live');
        retry = RETRY_MIN_MS;
        await read(response.body);
      } catch (e) {
        if (closed) {
          return;
        }
      }
      if (closed) {
        return;
      }
      onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, retry));
      retry = Math.min(RETRY_MAX_MS, retry * 2);
    }
  }

  async function read(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let type = '';
    let data = [];
    let id = null;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += value;
      for (;;) {
        const end = buffer.search(/[\r\n]/);
        // A lone \r at the very end may be the first half of \r\n: wait for more.
        if (end < 0 || (buffer[end] === '\r' && end === buffer.length - 1)) {
          break;
        }
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + (buffer[end] === '\r' && buffer[end + 1] === '\n' ? 2 : 1));
        if (line === '') {
          if (id !== null) {
            lastEventId = id;
          }
          if (data.length) {
            onEvent({ type: type || 'message', data: data.join('\n'), id: lastEventId });
          }
          type = '';
          data = [];
          id = null;
          continue;
        }
        if (line.startsWith(':')) {
          continue; // a comment: the server's heartbeat
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let text = colon < 0 ? '' : line.slice(colon + 1);
        if (text.startsWith(' ')) {
          text = text.slice(1);
        }
        if (field === 'event') {
          type = text;
        } else if (field === 'data') {
          data.push(text);
        } else if (field === 'id' && !text.includes('\0')) {
          id = text;
        } else if (field === 'retry' && /^\d+$/.test(text)) {
          retry = Math.max(RETRY_MIN_MS, Number(text));
        }
      }
    }
  }

  connect();
  return {
    close() {
      closed = true;
      if (controller) {
        controller.abort();
      }
      onState('closed');
    },
  };
}
