/** See bundleFreshness.js. */
export function bundleIsFresh(root: URL): boolean;
