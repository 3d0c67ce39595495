/**
 * BitMEX execution ("trade") history (docs/formats.md §2.13, everytrade BitmexBeanV1Test; not in
 * BittyTax or rotki).
 *
 * Menu: BitMEX › Account › Trade History (Executions) › Save as CSV.
 * Header: `"transactTime","symbol","execType","side","lastQty","lastPx","execCost","commission",
 * "execComm","ordType","orderQty","leavesQty","price","text","orderID"` (with a BOM);
 * `execCost` / `execComm` in satoshis, contract sizes in USD for inverse contracts.
 *
 * Decision: this file states fills, not results. BitMEX books every realised result — trading
 * P&L, commissions and funding, liquidations included — in the Wallet History as daily
 * `RealisedPNL` rows (docs/formats.md §2.13, §2.15), which `bitmex-wallet-history` reads. Reading the
 * fills as well would count the commissions and funding twice, and rebuilding inverse-contract
 * P&L from fills is not needed for the tax figures. So the file is recognised (rather than
 * refused as unknown) and its `Trade`, `Funding` and `Settlement` rows are skipped with a reason
 * pointing to the Wallet History; any other `execType` is rejected by name.
 */
import { text } from '../../columns.js';
import { defineImporter, reject, skip, type RowOutcome } from '../../importer-spec.js';

const COVERED = 'BitMEX execution: its realised P&L, commission and funding are booked in the Wallet History (import that file)';

export const bitmexExecutionHistory = defineImporter({
  id: 'bitmex-execution-history',
  label: 'BitMEX execution (trade) history — recognised; results come from the Wallet History',
  howToExport: 'BitMEX › Account › Trade History › Save as CSV (import the Wallet History for the tax figures)',
  wallet: 'bitmex',
  columns: {
    time: text('transactTime'),
    symbol: text('symbol'),
    execType: text('execType'),
  },
  signature: { also: ['side', 'lastQty', 'lastPx', 'execCost', 'execComm', 'orderID'] },
  mapRow(row): RowOutcome {
    const type = row.execType.trim();
    if (['Trade', 'Funding', 'Settlement'].includes(type)) return skip(COVERED);
    return reject('ROW_UNKNOWN_TYPE', `unknown BitMEX execType "${row.execType}"`);
  },
});
