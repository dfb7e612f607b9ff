export { ARRIVAL_MARGIN_MINUTES, arrivesInTime, latestArrivalFor } from './arrival.js';
export { closedDaysFollow, lastDayToCover, servicesReopenOn } from './closed-days.js';
