'use strict';
// The operator dashboard: polls the admin API every 2 s and renders it; every panel says
// "loading…" until its first answer. Actions ask for confirmation and are offered only to
// a token whose role may take them (GET /admin/v1/whoami). The token stays in this tab's
// sessionStorage; the book's symbol is remembered in localStorage (or given as #book=S).

const $ = (id) => document.getElementById(id);
const history = [];
let lastCounters = null;
let role = null;

const canOperate = () => role === 'operator' || role === 'admin';

// 1536 -> "1.5 KiB": the health details' byte counts as people read them
function bytes(n) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = Number(n);
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return (unit === 0 ? value.toFixed(0) : value.toFixed(1)) + ' ' + units[unit];
}

// "101.00000000" -> "101": decimals without the trailing zeros of their scale
function decimal(text) {
  return text == null ? '–' : String(text).includes('.') ? String(text).replace(/\.?0+$/, '') : String(text);
}

// an ISO-8601 time as its time of day, UTC
function clock(iso) {
  return iso == null ? '–' : iso.substring(11, 19);
}

function detail(key, value) {
  return key.endsWith('Bytes') ? key.slice(0, -5) + '=' + bytes(value) : key + '=' + value;
}

function token() {
  return $('token').value || sessionStorage.getItem('ringbook-token') || '';
}

async function api(method, path, body) {
  const headers = { 'Authorization': 'Bearer ' + token() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text && response.headers.get('Content-Type')?.includes('json') ? JSON.parse(text) : text;
  if (!response.ok) throw new Error(json?.error ? json.error.code + ': ' + json.error.message : 'HTTP ' + response.status);
  return json;
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

// an action's button, for a role that may take it; a viewer sees an empty cell
function button(row, label, question, action) {
  const td = row.insertCell();
  if (!canOperate()) return;
  const b = document.createElement('button');
  b.textContent = label;
  b.addEventListener('click', async () => {
    if (!window.confirm(question)) return;
    try {
      await action();
      say(label + ': done');
      refresh();
    } catch (e) {
      say(label + ' failed: ' + e.message);
    }
  });
  td.appendChild(b);
}

function say(text) {
  $('message').textContent = text;
}

async function renderHealth() {
  // with a token, /health shows every detail; without one, statuses and numbers only
  const response = await fetch('/health', token() ? { headers: { 'Authorization': 'Bearer ' + token() } } : {});
  const health = await response.json();
  $('health-status').textContent = health.status;
  $('health-status').className = 'badge ' + health.status;
  $('health-score').textContent = health.score;
  const body = $('health-components');
  body.replaceChildren();
  for (const [name, component] of Object.entries(health.components)) {
    const row = body.insertRow();
    cell(row, name);
    cell(row, component.status, 'state ' + component.status);
    cell(row, Object.entries(component.details).map(([k, v]) => detail(k, v)).join(' '), 'details');
  }
}

async function renderBreakers() {
  const breakers = await api('GET', '/admin/v1/breakers');
  const body = $('breakers');
  body.replaceChildren();
  for (const b of breakers) {
    const row = body.insertRow();
    cell(row, b.name);
    cell(row, b.state, 'state ' + b.state);
    cell(row, b.trips, 'num');
    cell(row, b.healthScore, 'num');
    cell(row, clock(b.nextRetryAt));
    const open = b.state !== 'CLOSED';
    button(row, open ? 'reset' : 'trip', (open ? 'Reset ' : 'Trip ') + b.name + '?',
      () => api('POST', '/admin/v1/breakers/' + encodeURIComponent(b.name) + (open ? '/reset' : '/trip')));
  }
}

async function renderControls() {
  const symbols = await api('GET', '/admin/v1/symbols');
  const body = $('symbols');
  body.replaceChildren();
  for (const s of symbols) {
    const row = body.insertRow();
    cell(row, s.symbol);
    cell(row, s.halted ? 'HALTED' : 'trading', 'state ' + (s.halted ? 'on' : 'off'));
    if (s.halted) {
      button(row, 'resume', 'Resume ' + s.symbol + '?', () => api('POST', '/admin/v1/symbols/' + encodeURIComponent(s.symbol) + '/resume'));
    } else {
      button(row, 'halt', 'Halt ' + s.symbol + '? New orders will be refused.',
        () => api('POST', '/admin/v1/symbols/' + encodeURIComponent(s.symbol) + '/halt'));
    }
  }
  const select = $('book-symbol');
  if (select.options.length === 0) {
    for (const s of symbols) select.add(new Option(s.symbol, s.symbol));
    const chosen = new URLSearchParams(location.hash.substring(1)).get('book') || localStorage.getItem('ringbook-book-symbol');
    if (symbols.some((s) => s.symbol === chosen)) select.value = chosen;
  }
  const switches = await api('GET', '/admin/v1/kill-switch');
  const ks = $('kill-switches');
  ks.replaceChildren();
  for (const s of switches) {
    const row = ks.insertRow();
    const name = s.account ?? 'global';
    cell(row, name);
    cell(row, s.active ? 'ON' : 'off', 'state ' + (s.active ? 'on' : 'off'));
    cell(row, clock(s.since));
    if (s.active) {
      button(row, 'release', 'Release the ' + name + ' kill switch?',
        () => api('DELETE', '/admin/v1/kill-switch' + (s.account ? '?account=' + encodeURIComponent(s.account) : '')));
    } else {
      button(row, 'engage', 'Engage the ' + name + ' kill switch? Every open order ' + (s.account ? 'of ' + name + ' ' : '') + 'is canceled.',
        () => api('POST', '/admin/v1/kill-switch', s.account ? { account: s.account } : {}));
    }
  }
}

async function renderLatency() {
  const latency = await api('GET', '/admin/v1/latency');
  const body = $('latency');
  body.replaceChildren();
  for (const [stage, s] of Object.entries(latency.sinceStart)) {
    const row = body.insertRow();
    cell(row, stage);
    for (const v of [s.count, s.p50, s.p99, s.p99_9, s.max]) cell(row, v, 'num');
  }
  const e2e = latency.interval.endToEnd;
  history.push({ p50: e2e.p50, p99: e2e.p99, count: e2e.count });
  if (history.length > 60) history.shift();
  drawChart();
}

function drawChart() {
  const canvas = $('latency-chart');
  const g = canvas.getContext('2d');
  g.clearRect(0, 0, canvas.width, canvas.height);
  const max = Math.max(1, ...history.map((h) => h.p99));
  const x = (i) => 70 + i * (canvas.width - 80) / 59;
  const y = (v) => canvas.height - 20 - v / max * (canvas.height - 30);
  g.fillStyle = '#555';
  g.fillText(max.toFixed(1) + ' µs', 2, 12);
  g.fillText('0', 2, canvas.height - 20);
  for (const [key, color] of [['p50', '#2a7ab0'], ['p99', '#c0392b']]) {
    g.strokeStyle = color;
    g.beginPath();
    history.forEach((h, i) => (i === 0 ? g.moveTo(x(i), y(h[key])) : g.lineTo(x(i), y(h[key]))));
    g.stroke();
    g.fillStyle = color;
    g.fillText(key, canvas.width - 40, key === 'p50' ? 12 : 26);
  }
}

async function renderRates() {
  const text = await (await fetch('/metrics')).text();
  const sum = (name) => text.split('\n').filter((l) => l.startsWith(name)).reduce((t, l) => t + Number(l.split(' ').pop()), 0);
  const now = { time: Date.now(), orders: sum('ringbook_orders_in_total'), trades: sum('ringbook_trades_total'),
    rejects: sum('ringbook_orders_rejected_total') };
  if (lastCounters) {
    const seconds = (now.time - lastCounters.time) / 1000;
    $('order-rate').textContent = ((now.orders - lastCounters.orders) / seconds).toFixed(0);
    $('trade-rate').textContent = ((now.trades - lastCounters.trades) / seconds).toFixed(0);
    $('reject-rate').textContent = ((now.rejects - lastCounters.rejects) / seconds).toFixed(0);
  }
  lastCounters = now;
}

async function renderBook() {
  const symbol = $('book-symbol').value;
  if (!symbol) return;
  const book = await api('GET', '/admin/v1/book/' + encodeURIComponent(symbol) + '?limit=1000');
  const levels = (orders) => {
    const byPrice = new Map();
    for (const o of orders) byPrice.set(o.price, (byPrice.get(o.price) ?? 0) + Number(o.leavesQty));
    return [...byPrice.entries()].slice(0, 10);
  };
  const bids = levels(book.bids);
  const asks = levels(book.asks);
  const body = $('book');
  body.replaceChildren();
  for (let i = 0; i < Math.max(bids.length, asks.length, 1); i++) {
    const row = body.insertRow();
    cell(row, bids[i]?.[1] ?? '', 'num');
    cell(row, bids[i]?.[0] ?? '', 'num');
    cell(row, asks[i]?.[0] ?? '', 'num');
    cell(row, asks[i]?.[1] ?? '', 'num');
  }
}

async function renderOpenOrders() {
  const rows = [];
  for (const option of $('book-symbol').options) {
    const book = await api('GET', '/admin/v1/book/' + encodeURIComponent(option.value) + '?limit=100');
    for (const [side, orders] of [['BUY', book.bids], ['SELL', book.asks]]) {
      for (const o of orders) rows.push({ symbol: book.symbol, side, ...o });
    }
  }
  rows.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const body = $('open-orders');
  body.replaceChildren();
  if (rows.length === 0) cell(body.insertRow(), 'no open orders').colSpan = 7;
  for (const o of rows.slice(0, 50)) {
    const row = body.insertRow();
    cell(row, o.symbol);
    cell(row, o.account);
    cell(row, o.clOrdId);
    cell(row, o.side);
    cell(row, o.price, 'num');
    cell(row, o.leavesQty, 'num');
    cell(row, clock(o.createdAt));
  }
}

async function renderPositions() {
  const positions = await api('GET', '/admin/v1/positions');
  const body = $('positions');
  body.replaceChildren();
  if (positions.length === 0) cell(body.insertRow(), 'no positions').colSpan = 7;
  for (const p of positions) {
    const row = body.insertRow();
    cell(row, p.account);
    cell(row, p.symbol);
    cell(row, p.qty, 'num');
    cell(row, decimal(p.avgPrice), 'num');
    cell(row, decimal(p.markPrice), 'num');
    cell(row, decimal(p.realizedPnl), 'num');
    cell(row, decimal(p.unrealizedPnl), 'num');
  }
}

async function renderRole() {
  const me = await api('GET', '/admin/v1/whoami');
  role = me.role;
  $('role').textContent = me.token + ' (' + me.role + (canOperate() ? ')' : ', read only)');
}

async function refresh() {
  try {
    await renderHealth();
    await renderRates();
    if (!token()) {
      say('enter an admin token to see breakers, controls, orders, positions, latency and the book');
      return;
    }
    await renderRole();
    await renderControls();
    await renderBook();
    await renderBreakers();
    await renderOpenOrders();
    await renderPositions();
    await renderLatency();
  } catch (e) {
    say(e.message);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  const saved = new URLSearchParams(location.hash.substring(1)).get('token') || sessionStorage.getItem('ringbook-token');
  if (saved) $('token').value = saved;
  $('token').addEventListener('change', () => {
    sessionStorage.setItem('ringbook-token', $('token').value);
    refresh();
  });
  $('book-symbol').addEventListener('change', () => {
    localStorage.setItem('ringbook-book-symbol', $('book-symbol').value);
    renderBook();
  });
  refresh();
  setInterval(refresh, 2000);
});
