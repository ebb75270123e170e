// The console's shell: sign-in (a pasted bearer token, or the local sign-in a server in development mode offers
// to a browser on its own machine), the caller's name and access, the one event stream, and the views by hash.

import { api, all, token, onUnauthorized, CASES, V } from './api.js';
import { openStream } from './sse.js';
import { sample } from './rates.js';
import { operationsView } from './operations.js';
import { detailView } from './detail.js';
import { casesView } from './cases.js';

const $ = (id) => document.getElementById(id);

const ctx = {
  me: null,
  cases: new Map(),
  caseName(id) {
    const c = this.cases.get(id);
    if (!c) {
      loadCase(id);
    }
    return c ? c.displayName : id;
  },
};

let stream = null;
let view = null;
const loading = new Set();

async function loadCase(id) {
  if (loading.has(id)) {
    return;
  }
  loading.add(id);
  try {
    ctx.cases.set(id, await api(`${CASES}/${encodeURIComponent(id)}`));
    document.querySelectorAll('td.case').forEach((td) => {
      if (td.textContent === id) {
        td.textContent = ctx.cases.get(id).displayName;
      }
    });
  } catch (e) {
    // The case may be gone; its id stays shown.
  }
}

function showSignIn(reason) {
  $('sign-in').hidden = false;
  $('view').hidden = true;
  $('nav').hidden = true;
  $('who').hidden = true;
  $('sign-in-error').textContent = reason || '';
  api(`${V}/caseops/devSignIn`, { anonymous: true })
    .then(() => {
      $('dev-sign-in').hidden = false;
    })
    .catch(() => {
      $('dev-sign-in').hidden = true;
    });
}

function signOut(reason) {
  token.clear();
  if (stream) {
    stream.close();
    stream = null;
  }
  if (view) {
    view.dispose();
    view = null;
  }
  // Nothing the last token could read stays in the page, and the next sign-in never shows its
  // buttons before the page is drawn again for the new token.
  $('view').replaceChildren();
  ctx.cases.clear();
  ctx.me = null;
  showSignIn(reason);
}

async function enter() {
  ctx.me = await api(`${V}/caseops/me`);
  const party = ctx.me.identity.user || ctx.me.identity.application || {};
  $('who-name').textContent = party.displayName || party.id || '';
  $('who-access').textContent = ctx.me.canWrite ? 'read-write' : 'read-only';
  $('who-access').dataset.access = ctx.me.canWrite ? 'write' : 'read';
  $('sign-in').hidden = true;
  $('view').hidden = false;
  $('nav').hidden = false;
  $('who').hidden = false;
  $('token').value = '';
  (await all(CASES)).forEach((c) => ctx.cases.set(c.id, c));
  stream = openStream(`${V}/caseops/operations/events`, {
    onEvent(event) {
      if (event.type !== 'operation') {
        return;
      }
      const op = JSON.parse(event.data);
      sample(op);
      if (view) {
        view.onOperation(op);
      }
    },
    onState(state) {
      $('stream-state').textContent = state === 'live' ? 'live' : state;
      $('stream-state').dataset.state = state;
    },
  });
  route();
}

function route() {
  if (!ctx.me) {
    return;
  }
  if (view) {
    view.dispose();
  }
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const container = $('view');
  document.querySelectorAll('[data-nav]').forEach((a) => a.classList.toggle('current', a.dataset.nav === (parts[0] || 'operations')));
  if (parts[0] === 'operations' && parts.length === 3) {
    view = detailView(container, ctx, parts[1], parts[2]);
  } else if (parts[0] === 'cases') {
    view = casesView(container, ctx);
  } else {
    view = operationsView(container, ctx);
  }
}

async function signInWith(value) {
  token.set(value);
  try {
    await enter();
  } catch (e) {
    token.clear();
    showSignIn(e.status === 401 ? 'The server does not accept this token.' : e.message);
  }
}

$('sign-in-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const value = $('token').value.replace(/^\s*Bearer\s+/i, '').trim();
  if (value) {
    signInWith(value);
  }
});

$('dev-sign-in-button').addEventListener('click', async () => {
  try {
    const answer = await api(`${V}/caseops/devSignIn`, { method: 'POST', body: {}, anonymous: true });
    signInWith(answer.accessToken);
  } catch (e) {
    $('sign-in-error').textContent = e.message;
  }
});

$('sign-out').addEventListener('click', () => signOut());
onUnauthorized(() => signOut('The server refused the token (expired or revoked): sign in again.'));
window.addEventListener('hashchange', route);

if (token.get()) {
  signInWith(token.get());
} else {
  showSignIn();
}
