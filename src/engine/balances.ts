/**
 * What each wallet holds of each asset, as the events say — kept beside the lots so that a
 * balance going below zero (history missing somewhere) is noticed, and so that the 2025
 * reallocation knows how many units each wallet actually holds.
 */
import { ZERO, type Dec } from '../model/decimal.js';

export class Balances {
  private readonly byWallet = new Map<string, Map<string, Dec>>();
  private readonly negative = new Set<string>();

  /**
   * Apply a change; returns the new balance when it has just gone below zero (once per dip),
   * otherwise undefined.
   */
  change(wallet: string, asset: string, delta: Dec): Dec | undefined {
    let assets = this.byWallet.get(wallet);
    if (!assets) {
      assets = new Map();
      this.byWallet.set(wallet, assets);
    }
    const next = (assets.get(asset) ?? ZERO).plus(delta);
    assets.set(asset, next);
    const key = `${wallet}\u0000${asset}`;
    if (!next.isNegative()) {
      this.negative.delete(key);
      return undefined;
    }
    if (this.negative.has(key)) return undefined;
    this.negative.add(key);
    return next;
  }

  /** One wallet's balance of one asset (zero when it never held any). */
  get(wallet: string, asset: string): Dec {
    return this.byWallet.get(wallet)?.get(asset) ?? ZERO;
  }

  /** Every wallet's balance of one asset (wallets that never held it are absent). */
  of(asset: string): Map<string, Dec> {
    const out = new Map<string, Dec>();
    for (const [wallet, assets] of this.byWallet) {
      const b = assets.get(asset);
      if (b) out.set(wallet, b);
    }
    return out;
  }

  /** Every (wallet, asset) balance above zero, in wallet then asset order. */
  held(): { wallet: string; asset: string; units: Dec }[] {
    const out: { wallet: string; asset: string; units: Dec }[] = [];
    for (const wallet of [...this.byWallet.keys()].sort()) {
      const assets = this.byWallet.get(wallet) as Map<string, Dec>;
      for (const asset of [...assets.keys()].sort()) {
        const units = assets.get(asset) as Dec;
        if (units.greaterThan(0)) out.push({ wallet, asset, units });
      }
    }
    return out;
  }
}
