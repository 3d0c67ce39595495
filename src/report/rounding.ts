/** The rounding policy, kept where the renderers import it from: it lives in `model/rounding.ts`. */
export { formatMoney, roundMoney } from '../model/rounding.js';
