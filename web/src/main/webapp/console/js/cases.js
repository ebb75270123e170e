// Every case with its custodians, their sources with item counts, and its last index.

import { api, all, query, literal, CASES, V } from './api.js';
import { h, clear, number, bytes, dateTime } from './format.js';
import { statusBadge, detailHref } from './operations.js';

function plural(n, word) {
  return `${number(n)} ${word}${n === 1 ? '' : 's'}`;
}

export function casesView(container, ctx) {
  const list = h('div', { id: 'cases', class: 'cases' }, h('p', { class: 'muted' }, 'Loading…'));
  clear(container).append(h('div', { class: 'title' }, h('h1', {}, 'Cases')), list);

  async function card(c) {
    const base = `${CASES}/${encodeURIComponent(c.id)}`;
    const [custodians, stats, lastIndex] = await Promise.all([
      all(`${base}/custodians`),
      api(`${base}/itemStatistics`).then((s) => s.value || []),
      api(
        `${V}/caseops/operations${query({ $filter: `caseId eq ${literal(c.id)} and action eq 'index'`, $top: 1 })}`,
      ).then((p) => p.value[0]),
    ]);
    const sourcesOf = (custodianId) => stats.filter((s) => s.custodianId === custodianId);
    const indexed = stats.reduce((n, s) => n + (s.indexedItemCount || 0), 0);
    const unindexed = stats.reduce((n, s) => n + (s.unindexedItemCount || 0), 0);
    const size = stats.reduce((n, s) => n + (s.indexedItemsSize || 0), 0);
    return h(
      'article',
      { class: 'case-card', dataset: { caseId: c.id } },
      h('h2', {}, c.displayName, ' ', h('span', { class: 'muted' }, c.externalId || '')),
      h(
        'p',
        {},
        `${plural(custodians.length, 'custodian')} · ${plural(stats.length, 'source')} · ${number(indexed)} items indexed (${bytes(size)}) · ${number(unindexed)} unindexed`,
      ),
      h(
        'p',
        {},
        'Last index: ',
        lastIndex
          ? h('span', {}, h('a', { href: detailHref(lastIndex) }, dateTime(lastIndex.createdDateTime)), ' ', statusBadge(lastIndex), ' ', lastIndex.resultInfo ? lastIndex.resultInfo.message || '' : '')
          : 'never',
      ),
      h(
        'table',
        { class: 'custodians' },
        h('thead', {}, h('tr', {}, ['Custodian', 'Status', 'Hold', 'Source', 'Indexed', 'Unindexed', 'Preserved'].map((t) => h('th', {}, t)))),
        h(
          'tbody',
          {},
          custodians.flatMap((cu) => {
            const sources = sourcesOf(cu.id);
            const first = [h('td', { rowSpan: Math.max(1, sources.length) }, cu.displayName || cu.email), h('td', { rowSpan: Math.max(1, sources.length) }, cu.status), h('td', { rowSpan: Math.max(1, sources.length) }, cu.holdStatus || '')];
            if (!sources.length) {
              return [h('tr', {}, first, h('td', { colSpan: 4, class: 'muted' }, 'no source'))];
            }
            return sources.map((s, i) =>
              h(
                'tr',
                {},
                i === 0 ? first : [],
                h('td', {}, `${s.displayName} (${s.sourceType})`),
                h('td', { class: 'num' }, number(s.indexedItemCount)),
                h('td', { class: 'num' }, number(s.unindexedItemCount)),
                h('td', { class: 'num' }, number(s.preservedItemCount ?? 0)),
              ),
            );
          }),
        ),
      ),
    );
  }

  (async () => {
    try {
      const cases = await all(CASES);
      cases.forEach((c) => ctx.cases.set(c.id, c));
      const cards = await Promise.all(cases.map((c) => card(c).catch((e) => h('p', { class: 'error' }, `${c.displayName}: ${e.message}`))));
      clear(list).append(...(cards.length ? cards : [h('p', { class: 'muted' }, 'No case yet.')]));
    } catch (e) {
      clear(list).append(h('p', { class: 'error' }, e.message));
    }
  })();

  return { onOperation() {}, dispose() {} };
}
