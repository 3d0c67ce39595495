/**
 * Binance Earn's own history exports (each from its product page, not the wallet statement).
 *
 * - Auto-Invest history (dali-rp2's binance_com_supplemental plugin and its input
 *   test_binance_autoinvest.csv): `Auto-Invest Date(UTC),Holding Coin,Amount per period,
 *   Trading Fee,Units,From,Status`, e.g. `5/1/2022 14:00,ETH,10.00000000 USDT,0.00250000 USDT,
 *   0.01000000 ETH,Flexible Savings,Success`. One row is one periodic purchase: sent `Amount per
 *   period` of its coin, the `Trading Fee` (same coin; `--` = none) leaving in addition (dali:
 *   out with fee = amount + fee), received `Units` of the holding coin. Binance serves the file as
 *   .xlsx; re-saved as CSV its dates read month first (`5/1/2022` = 1 May 2022, as dali reads
 *   them). Only `Success` rows moved anything; others are skipped.
 * - ETH → BETH staking history (dali-rp2, test_binance_betheth.csv): `Date(UTC),Coin,Token,
 *   Amount,Status` — `Amount` ETH swapped 1:1 for BETH: one trade (dali: sell ETH, buy BETH; the
 *   statement's `ETH 2.0 Staking` rows are read the same way).
 * - Simple Earn rewards history (everytrade's BinanceBeanV5): `Date(UTC),[Type,]Product Name,Coin,
 *   Amount` — each row a reward paid in `Coin` → interest income (as the statement's `Simple Earn
 *   Flexible Interest`).
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, ifPresent, instant, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';
import { parseNumber } from '../../parse-number.js';

/** `10.00000000 USDT` → 10 USDT; `--` → zero of no asset. */
function amountCell(cell: string): { amount: ReturnType<typeof parseNumber>; asset: string } | undefined {
  const t = cell.trim();
  if (t === '--' || t === '') return { amount: undefined, asset: '' };
  const m = /^(\S+)\s+([A-Za-z0-9]+)$/.exec(t);
  if (!m) return undefined;
  const amount = parseNumber(m[1] ?? '');
  return amount && !amount.unit ? { amount, asset: normalizeAsset(m[2] ?? '') } : undefined;
}

export const binanceAutoInvest = defineImporter({
  id: 'binance-auto-invest',
  label: 'Binance Auto-Invest history (one row per periodic purchase)',
  howToExport: 'Binance › Earn › Auto-Invest › History › Export (xlsx, saved as CSV)',
  wallet: 'binance',
  columns: {
    time: instant('Auto-Invest Date(UTC)', { order: 'mdy' }),
    holding: text('Holding Coin'),
    perPeriod: text('Amount per period'),
    fee: text('Trading Fee'),
    units: text('Units'),
    from: ifPresent(text('From')),
    status: text('Status'),
  },
  mapRow(row): RowOutcome {
    if (row.status.trim().toLowerCase() !== 'success') return skip(`Auto-Invest purchase not executed (status ${row.status})`);
    const paid = amountCell(row.perPeriod);
    const got = amountCell(row.units);
    const fee = amountCell(row.fee);
    if (!paid?.amount || !got?.amount || !fee) return reject('ROW_BAD_NUMBER', `cannot read "${row.perPeriod}" / "${row.units}" / "${row.fee}" as amounts with their coins`);
    if (got.asset !== normalizeAsset(row.holding)) return reject('ROW_INCONSISTENT', `Units "${row.units}" are not in the holding coin ${row.holding}`);
    if (fee.amount && fee.asset !== paid.asset) return reject('ROW_INCONSISTENT', `Trading Fee "${row.fee}" is not in the coin paid (${paid.asset})`);
    return events({
      kind: 'trade',
      instant: row.time,
      sent: { asset: paid.asset, amount: paid.amount.value },
      received: { asset: got.asset, amount: got.amount.value },
      ...(fee.amount && !fee.amount.value.isZero() ? { fee: { asset: fee.asset, amount: fee.amount.value } } : {}),
      ...(row.from ? { note: `Auto-Invest, paid from ${row.from}` } : {}),
    });
  },
});

export const binanceEthStaking = defineImporter({
  id: 'binance-eth-staking',
  label: 'Binance ETH 2.0 staking history (ETH swapped 1:1 for BETH)',
  howToExport: 'Binance › Earn › ETH Staking › History › Export',
  wallet: 'binance',
  columns: { time: instant('Date(UTC)'), coin: text('Coin'), token: text('Token'), amount: decimal('Amount'), status: text('Status') },
  mapRow(row): RowOutcome {
    if (row.status.trim().toLowerCase() !== 'success') return skip(`ETH staking not executed (status ${row.status})`);
    if (!row.amount.isPositive()) return reject('ROW_INCONSISTENT', `Amount ${row.amount.toFixed()} must be positive`);
    const amount = row.amount;
    return events({ kind: 'trade', instant: row.time, sent: { asset: normalizeAsset(row.coin), amount }, received: { asset: normalizeAsset(row.token), amount }, note: 'ETH 2.0 staking' });
  },
});

export const binanceEarnRewards = defineImporter({
  id: 'binance-earn-rewards',
  label: 'Binance Simple Earn rewards history (Date(UTC), Product Name, Coin, Amount)',
  howToExport: 'Binance › Earn › Simple Earn › History › Rewards › Export',
  wallet: 'binance',
  columns: { time: instant('Date(UTC)'), type: ifPresent(text('Type')), product: text('Product Name'), coin: text('Coin'), amount: decimal('Amount') },
  mapRow(row): RowOutcome {
    if (row.amount.isZero()) return skip('reward of 0');
    if (row.amount.isNegative()) return reject('ROW_INCONSISTENT', `a reward of ${row.amount.toFixed()} ${row.coin}`);
    return events({ kind: 'income', incomeKind: 'interest', instant: row.time, received: { asset: normalizeAsset(row.coin), amount: row.amount }, note: `Simple Earn ${row.product}${row.type ? ` (${row.type})` : ''}` });
  },
});
