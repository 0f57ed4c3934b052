import type { Principal } from '../auth/principal.js';

// Who may read and enter the working-day calendar (STYLE habit 8). The calendar is the
// deployment's, not an agency's: every signed-in user reads it ('signedIn' in the routes).

/** A State Council holiday notice decides deadlines for every agency: the platform administrator. */
export const canEnterCalendarNotice = (p: Principal) => p.isPlatformAdmin;

export const calendarAbilities = (p: Principal) => ({ enterCalendarNotice: canEnterCalendarNotice(p) });
