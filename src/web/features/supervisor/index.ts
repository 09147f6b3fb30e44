/** The supervisor's screens: the live wallboard and the reports. */
export { ReportsPage } from './ReportsPage.tsx';
export { WallboardPage } from './WallboardPage.tsx';
