import { it } from 'vitest';
import { parseShownTime, firstFutureTime, statedDuration } from '../../src/background/email-dates';
it('probe', () => {
const now = Date.parse('2026-11-30T15:00:00Z');
const z='America/New_York';
const f=(x:number|undefined)=>x===undefined?x:new Date(x).toISOString();
console.log(f(parseShownTime('Tue, Dec 1, 2026, 10:42 AM', z, now)));
console.log(f(parseShownTime('Tue 12/1/2026 10:42 AM', z, now)));
console.log(f(parseShownTime('10:42 AM', z, now)));
const r = firstFutureTime('On Mon, Nov 23, 2026 at 9:00 AM Priya wrote: Would Thursday at 2pm work for a 45-minute call?', z, now);
console.log(r && f(r.start), statedDuration('a 45-minute call'));
const r2 = firstFutureTime('Thursday Dec 3, 2026 ⋅ 2pm – 2:45pm (Eastern Time - New York)', 'Europe/London', now);
console.log(r2 && [f(r2.start), f(r2.end)]);
const r3 = firstFutureTime('Let us meet tomorrow at 14:00 CET', z, now);
console.log(r3 && f(r3.start));
});
