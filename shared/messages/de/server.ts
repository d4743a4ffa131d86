/** What the club server says: its answers to devices and browsers, its command line. */
export const server = {};
