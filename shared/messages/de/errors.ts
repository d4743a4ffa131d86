/** What the desktop core and its command line say when they refuse something. */
export const errors = {};
