/** The dominant order of numeric dates in a file, from the dates that can be read only one way. */
import type { DateOrder } from '../../interchange/index.js';

const NUMERIC = /^(\d{1,2})[/-](\d{1,2})[/-]\d{2,4}$/;

/** Counts votes for day-first and month-first dates in some cells. */
export class DateOrderVote {
  private dmy = 0;
  private mdy = 0;

  /** Looks at one cell. */
  see(cell: string): void {
    const m = NUMERIC.exec(cell.trim());
    if (!m) return;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) this.dmy++;
    else if (b > 12 && a <= 12) this.mdy++;
  }

  /** Month-first only when such dates outnumber day-first ones; day-first is the region's usual form. */
  order(): DateOrder {
    return this.mdy > this.dmy ? 'MDY' : 'DMY';
  }
}
