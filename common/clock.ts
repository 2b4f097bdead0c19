/**
 * The one clock the product reads "now" from: current contact points, upcoming events, preservation deadlines,
 * overdue answers, statistics stamps. Tests compute their instants from it too (never a day written in the test), and
 * `.ci/run` moves the whole process clock with faketime to prove that the suite holds on any date.
 */
export const now = (): Date => new Date();
