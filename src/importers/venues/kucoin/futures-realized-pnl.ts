/**
 * KuCoin "Futures Orders – Realized PNL" bundle file (formats.md §2.7, §2.15).
 *
 * Menu: KuCoin › Account › Export Data › Futures Orders › Realized PNL.
 * Header: `UID,Account Type,Symbol,Close Type,Realized PNL,Total Realized PNL,Total Funding Fees,
 * Total Trading Fees,Position Opening Time(…),Position Closing Time(…)`.
 *
 * Recognised so the file is not "unknown", but every position row is rejected `ROW_UNSUPPORTED`
 * until derivatives support lands (the realised PnL net of funding and trading fees will then be
 * a margin gain/loss per row). Cells are read as text so that nothing fails before that message.
 */
import { text } from '../../columns.js';
import { defineImporter, reject, skip } from '../../importer-spec.js';
import { EMPTY_REPORT, EMPTY_REPORT_REASON } from './common.js';

export const kucoinFuturesRealizedPnl = defineImporter({
  id: 'kucoin-futures-realized-pnl',
  label: 'KuCoin Futures Realized PNL (recognised; rows rejected until derivatives support)',
  howToExport: 'KuCoin › Account › Export Data › Futures Orders › Realized PNL',
  wallet: 'kucoin',
  columns: {
    uid: text('UID'),
    symbol: text('Symbol'),
    closeType: text('Close Type'),
    realizedPnl: text('Realized PNL'),
    funding: text('Total Funding Fees'),
    trading: text('Total Trading Fees'),
    opened: text(/^Position Opening Time/i),
    closed: text(/^,?Position Closing Time/i),
  },
  mapRow(row) {
    if (row.uid === EMPTY_REPORT) return skip(EMPTY_REPORT_REASON);
    return reject(
      'ROW_UNSUPPORTED',
      `KuCoin futures position ${row.symbol} (${row.closeType}, realized PNL ${row.realizedPnl}): margin/futures support is not yet available`,
    );
  },
});
