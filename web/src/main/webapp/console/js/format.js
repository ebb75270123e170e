// Small formatting and DOM helpers. Text always goes in as text (textContent), never as HTML.

const NUMBER = new Intl.NumberFormat(undefined);

export const NO_DATE = '0001-01-01T00:00:00Z';

/** Creates an element with attributes (`class`, `dataset`, properties) and children (nodes or text). */
export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'class') {
      el.className = value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key in el && typeof value !== 'string') {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      el.append(child instanceof Node ? child : String(child));
    }
  }
  return el;
}

export function number(n) {
  return NUMBER.format(n);
}

export function bytes(n) {
  if (n < 1024) {
    return `${number(n)} B`;
  }
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** An amount of work in its unit: "12 MB" or "1,200 items". */
export function work(n, unit) {
  return unit === 'bytes' ? bytes(n) : `${number(n)} ${n === 1 ? 'item' : 'items'}`;
}

export function duration(ms) {
  if (!Number.isFinite(ms) || ms < 0) {
    return '';
  }
  const s = Math.round(ms / 1000);
  if (s < 60) {
    return `${s} s`;
  }
  const m = Math.floor(s / 60);
  if (m < 60) {
    return `${m} min ${s % 60} s`;
  }
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function dateTime(iso) {
  if (!iso || iso === NO_DATE) {
    return '';
  }
  return new Date(iso).toLocaleString();
}

export function ended(op) {
  return op.completedDateTime && op.completedDateTime !== NO_DATE;
}

export function isOpen(op) {
  return op.status === 'notStarted' || op.status === 'running';
}

/** Who started an operation: the user, else the application, of its createdBy. */
export function who(identitySet) {
  if (!identitySet) {
    return '';
  }
  const party = identitySet.user || identitySet.application;
  return party ? party.displayName || party.id || '' : '';
}

export function clear(el) {
  while (el.firstChild) {
    el.firstChild.remove();
  }
  return el;
}
