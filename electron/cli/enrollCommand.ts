/**
 * `tutti enroll --profile DIR --server URL --code CODE`: connects the profile with a club
 * server. The device makes its key here, pins the server's CA (checked against the code's
 * fingerprint before the code is sent) and keeps key and certificate in the encrypted profile.
 */
import { AppError } from '../../shared/api/appError.ts';
import { openProfile } from '../core/profile.ts';
import { enrolDevice } from '../sync/enrolDevice.ts';
import { ConnectionError } from '../sync/httpsJson.ts';
import { SyncSettings } from '../sync/syncSettings.ts';
import { parseCommandArgs } from './args.ts';
import type { Terminal } from './terminal.ts';

export async function enrollCommand(argv: string[], cli: Terminal): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    profile: { type: 'string' },
    server: { type: 'string' },
    code: { type: 'string' },
  });
  if (!values.profile) throw new AppError('bad_arguments', 'cli.args.profileMissing');
  if (!values.server || !/^https:\/\//.test(values.server))
    throw new AppError('bad_arguments', 'cli.enroll.server');
  if (!values.code) throw new AppError('bad_arguments', 'cli.enroll.code');
  const profile = await openProfile(values.profile, cli.keyStore(values.profile));
  try {
    const settings = new SyncSettings(profile.store.meta);
    if (settings.connection()) throw new AppError('conflict', 'core.enrol.alreadyConnected');
    let device: Awaited<ReturnType<typeof enrolDevice>>;
    try {
      device = await enrolDevice(values.server, values.code);
    } catch (error) {
      if (error instanceof AppError) throw error;
      const options = { cause: error };
      if (error instanceof ConnectionError && error.failure !== 'network')
        throw new AppError('enrolment_refused', error.text.key, error.text.params, options);
      throw new AppError(
        'enrolment_refused',
        'cli.enroll.unreachable',
        {
          server: values.server,
          code: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
        },
        options,
      );
    }
    profile.store.transaction(() => settings.connect(device.syncUrl, device));
    cli.print('cli.enroll.connected', { url: device.syncUrl, until: device.notAfter.slice(0, 10) });
    cli.out.write(`${device.deviceId}\n`);
    return 0;
  } finally {
    profile.close();
  }
}
