/** Tutti's version, from package.json: written into every backup's manifest. */
import packageJson from '../../package.json' with { type: 'json' };

export const APP_VERSION: string = packageJson.version;
