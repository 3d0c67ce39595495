#!/usr/bin/env node
/**
 * A realistic trading history of N rows in real export formats, reproducible from a seed.
 *
 *   node bench/generate-history.js --rows 100000 --seed 1 --out history-100k
 *
 * Writes, into --out/exports/ (the inputs of `taxlot report`):
 *   exchange.csv  Koinly universal: buys, sells, crypto-for-crypto trades with fees, withdrawals to cold
 *   hot.csv       Koinly universal: staking income, small spends paid with a network fee
 *   cold.csv      Koinly universal: the receiving side of withdrawals (same tx hash, minutes later)
 *   kraken.csv    Kraken ledgers (2024 layout): trades as refid pairs, deposits, staking, withdrawals
 * and --out/prices.csv, a daily price table (date,asset,currency,price) for --prices: Kraken's staking rows
 *                 carry no value, so they need one
 * About 70 % of the rows are Koinly, 30 % Kraken. Rows every ~2 minutes from 2022 (closer together
 * above 1M rows, so that the history ends by 2024 whatever its size), so the years
 * covered grow with N up to 1M rows. The generator keeps its own balances so that nothing sells more than the
 * wallet holds; amounts are integers of 1e-8 formatted as decimals (the generator never reads
 * money back, and taxlot reads every cell as a decimal string).
 *
 * Used by bench/run.js; also handy to try the CLI on a big history.
 */
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { once } from 'node:events';

const KOINLY_HEADER =
  'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash';
const KRAKEN_HEADER = '"txid","refid","time","type","subtype","aclass","subclass","asset","wallet","amount","fee","balance"';

/** mulberry32: a small, well-known seeded generator (no Math.random anywhere). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ASSETS = [
  { code: 'BTC', kraken: 'BTC', price: 30000 },
  { code: 'ETH', kraken: 'ETH', price: 2000 },
  { code: 'SOL', kraken: 'SOL', price: 60 },
  { code: 'ADA', kraken: 'ADA', price: 0.4 },
];

/** Units of 1e-8 → "12.34567890" (integers only: exact). */
function units(n) {
  const s = String(n).padStart(9, '0');
  return `${s.slice(0, -8)}.${s.slice(-8)}`;
}
/** Cents → "123.45". */
function cents(n) {
  const s = String(n).padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}
const pad = (n, w = 2) => String(n).padStart(w, '0');
function stamp(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
function id(next, len) {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let s = '';
  for (let i = 0; i < len; i++) s += A[Math.floor(next() * 32)];
  return s;
}

/** Buffered line writer for one output file. */
class Out {
  constructor(path, header) {
    this.stream = createWriteStream(path);
    this.buf = [header];
    this.rows = 0;
  }
  async push(line) {
    this.buf.push(line);
    this.rows++;
    if (this.buf.length >= 5000) await this.flush();
  }
  async flush() {
    if (this.buf.length === 0) return;
    const ok = this.stream.write(this.buf.join('\n') + '\n');
    this.buf = [];
    if (!ok) await once(this.stream, 'drain');
  }
  async close() {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

export async function generateHistory({ rows, seed = 1, out }) {
  const exportsDir = join(out, 'exports');
  mkdirSync(exportsDir, { recursive: true });
  const next = rng(seed);
  const files = {
    exchange: new Out(join(exportsDir, 'exchange.csv'), KOINLY_HEADER),
    hot: new Out(join(exportsDir, 'hot.csv'), KOINLY_HEADER),
    cold: new Out(join(exportsDir, 'cold.csv'), KOINLY_HEADER),
    kraken: new Out(join(exportsDir, 'kraken.csv'), KRAKEN_HEADER),
  };
  // balances in 1e-8 units per wallet and asset, so the history never oversells
  const held = { exchange: {}, kraken: {}, hot: {} };
  const bal = (w, a) => held[w][a] ?? 0;
  const add = (w, a, q) => (held[w][a] = bal(w, a) + q);
  let krakenUsd = 0; // cents
  const price = ASSETS.map((a) => a.price);
  let t = Date.UTC(2022, 0, 1);
  const prices = new Out(join(out, 'prices.csv'), 'date,asset,currency,price');
  let priceDay = '';
  let written = 0;
  const total = () => written;
  const koinly = async (file, f) => {
    await files[file].push(
      [stamp(f.t), f.sent ?? '', f.sentCur ?? '', f.recv ?? '', f.recvCur ?? '', f.fee ?? '', f.feeCur ?? '', f.worth ?? '', f.worth ? 'USD' : '', f.label ?? '', f.desc ?? '', f.hash ?? ''].join(','),
    );
    written++;
  };
  const kraken = async (f) => {
    const cells = [id(next, 6) + '-' + id(next, 5) + '-' + id(next, 6), f.refid, stamp(f.t), f.type, f.subtype ?? '', 'currency', f.subclass, f.asset, 'spot / main', f.amount, f.fee ?? '0', f.balance];
    await files.kraken.push(cells.map((c) => `"${c}"`).join(','));
    written++;
  };

  // Beyond 1M rows the rows come closer together instead of running past today: a 5M history
  // spans the same 2022-2024 as the 1M one, so every row is importable (none dated in the future).
  const stepScale = Math.min(1, 1_000_000 / rows);
  while (total() < rows) {
    t += Math.floor((60_000 + Math.floor(next() * 120_000)) * stepScale);
    for (let i = 0; i < price.length; i++) price[i] *= 1 + (next() - 0.5) * 0.004; // random walk
    const day = stamp(t).slice(0, 10);
    if (day !== priceDay) {
      priceDay = day;
      for (let i = 0; i < ASSETS.length; i++) await prices.push(`${day},${ASSETS[i].code},USD,${price[i].toFixed(4)}`);
    }
    const k = Math.floor(next() * ASSETS.length);
    const asset = ASSETS[k];
    const p = price[k];
    const r = next();
    const usd = 2000 + Math.floor(next() * 200_000); // $20 – $2,020 in cents
    const qty = Math.max(1, Math.floor(((usd / 100) / p) * 1e8));
    const worth = (q) => cents(Math.max(1, Math.round((q / 1e8) * p * 100)));
    if (r < 0.3) {
      // buy on the Koinly exchange wallet, fee in USD
      await koinly('exchange', { t, sent: cents(usd), sentCur: 'USD', recv: units(qty), recvCur: asset.code, fee: cents(Math.max(1, Math.round(usd / 500))), feeCur: 'USD' });
      add('exchange', asset.code, qty);
    } else if (r < 0.45 && bal('exchange', asset.code) > 0) {
      const q = Math.max(1, Math.floor(bal('exchange', asset.code) * (0.05 + next() * 0.3)));
      await koinly('exchange', { t, sent: units(q), sentCur: asset.code, recv: worth(q), recvCur: 'USD', fee: '1.00', feeCur: 'USD' });
      add('exchange', asset.code, -q);
    } else if (r < 0.55 && bal('exchange', asset.code) > 0) {
      // crypto-for-crypto with a fee in the sent asset, valued by Net Worth
      const q = Math.max(2, Math.floor(bal('exchange', asset.code) * (0.05 + next() * 0.2)));
      const fee = Math.max(1, Math.floor(q / 1000));
      const other = (k + 1 + Math.floor(next() * (ASSETS.length - 1))) % ASSETS.length;
      const got = Math.max(1, Math.floor(((q / 1e8) * p / price[other]) * 1e8));
      await koinly('exchange', { t, sent: units(q - fee), sentCur: asset.code, recv: units(got), recvCur: ASSETS[other].code, fee: units(fee), feeCur: asset.code, worth: worth(q) });
      add('exchange', asset.code, -q);
      add('exchange', ASSETS[other].code, got);
    } else if (r < 0.6 && bal('exchange', asset.code) > 0) {
      // withdrawal to cold storage: both sides, same hash
      const q = Math.max(1, Math.floor(bal('exchange', asset.code) * 0.2));
      const hash = '0x' + id(next, 24).toLowerCase();
      await koinly('exchange', { t, sent: units(q), sentCur: asset.code, hash });
      await koinly('cold', { t: t + 300_000, recv: units(q), recvCur: asset.code, hash });
      add('exchange', asset.code, -q);
    } else if (r < 0.68) {
      // staking income on the hot wallet
      const q = Math.max(1, Math.floor(qty / 50));
      await koinly('hot', { t, recv: units(q), recvCur: asset.code, worth: worth(q), label: 'staking' });
      add('hot', asset.code, q);
    } else if (r < 0.7 && bal('hot', asset.code) > 10_000) {
      // a spend from the hot wallet with a network fee
      const q = Math.floor(bal('hot', asset.code) * 0.3);
      const fee = Math.max(1, Math.floor(q / 200));
      await koinly('hot', { t, sent: units(q - fee), sentCur: asset.code, fee: units(fee), feeCur: asset.code, worth: worth(q - fee), label: 'cost', desc: 'paid a merchant' });
      add('hot', asset.code, -q);
    } else if (r < 0.73) {
      // Kraken: USD deposit
      const refid = 'Q' + id(next, 6) + '-' + id(next, 6) + '-' + id(next, 6);
      krakenUsd += usd * 5;
      await kraken({ t, refid, type: 'deposit', subclass: 'fiat', asset: 'USD', amount: cents(usd * 5), balance: cents(krakenUsd) });
    } else if (r < 0.88 && krakenUsd > usd) {
      // Kraken buy: two ledger rows sharing a refid, fee on the USD leg
      const refid = 'T' + id(next, 5) + '-' + id(next, 5) + '-' + id(next, 6);
      const fee = Math.max(1, Math.round(usd / 400));
      krakenUsd -= usd + fee;
      add('kraken', asset.code, qty);
      await kraken({ t, refid, type: 'trade', subtype: 'tradespot', subclass: 'fiat', asset: 'USD', amount: '-' + cents(usd), fee: cents(fee), balance: cents(krakenUsd) });
      await kraken({ t, refid, type: 'trade', subtype: 'tradespot', subclass: 'crypto', asset: asset.kraken, amount: units(qty), balance: units(bal('kraken', asset.code)) });
    } else if (r < 0.96 && bal('kraken', asset.code) > 0) {
      // Kraken sell
      const q = Math.max(1, Math.floor(bal('kraken', asset.code) * (0.1 + next() * 0.4)));
      const refid = 'T' + id(next, 5) + '-' + id(next, 5) + '-' + id(next, 6);
      const proceeds = Math.max(1, Math.round((q / 1e8) * p * 100));
      const fee = Math.max(1, Math.round(proceeds / 400));
      add('kraken', asset.code, -q);
      krakenUsd += proceeds - fee;
      await kraken({ t, refid, type: 'trade', subtype: 'tradespot', subclass: 'crypto', asset: asset.kraken, amount: '-' + units(q), balance: units(bal('kraken', asset.code)) });
      await kraken({ t, refid, type: 'trade', subtype: 'tradespot', subclass: 'fiat', asset: 'USD', amount: cents(proceeds), fee: cents(fee), balance: cents(krakenUsd) });
    } else if (bal('kraken', asset.code) > 0) {
      // Kraken staking reward
      const q = Math.max(1, Math.floor(qty / 80));
      add('kraken', asset.code, q);
      const refid = 'S' + id(next, 6) + '-' + id(next, 6);
      await kraken({ t, refid, type: 'staking', subclass: 'crypto', asset: asset.kraken, amount: units(q), balance: units(bal('kraken', asset.code)) });
    }
  }
  const counts = {};
  for (const [name, f] of Object.entries(files)) {
    counts[name] = f.rows;
    await f.close();
  }
  await prices.close();
  writeFileSync(join(out, 'GENERATED.txt'), `generated by bench/generate-history.js --rows ${rows} --seed ${seed}\n${JSON.stringify(counts)}\n`);
  return { rows: written, files: counts, lastYear: new Date(t).getUTCFullYear() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const rows = Number(arg('rows', '100000'));
  const seed = Number(arg('seed', '1'));
  const out = arg('out', join(tmpdir(), `taxlot-history-${rows}`));
  const result = await generateHistory({ rows, seed, out });
  console.log(`${result.rows} rows into ${out}: ${JSON.stringify(result.files)} (last year ${result.lastYear})`);
}
