/**
 * `tutti enroll --profile DIR --server URL --code CODE`: connects the profile with a club
 * server. The device makes its key here, pins the server's CA (checked against the code's
 * fingerprint before the code is sent) and keeps key and certificate in the encrypted profile.
 */
import { CoreError } from '../core/coreError.ts';
import { openProfile } from '../core/profile.ts';
import { enrolDevice } from '../sync/enrolDevice.ts';
import { ConnectionError } from '../sync/httpsJson.ts';
import { SyncSettings } from '../sync/syncSettings.ts';
import { parseCommandArgs } from './args.ts';

export async function enrollCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    profile: { type: 'string' },
    server: { type: 'string' },
    code: { type: 'string' },
  });
  if (!values.profile)
    throw new CoreError('bad_arguments', 'Bitte den Profilordner mit --profile ORDNER angeben.');
  if (!values.server || !/^https:\/\//.test(values.server))
    throw new CoreError(
      'bad_arguments',
      'Bitte die Adresse des Vereinsservers mit --server https://… angeben.',
    );
  if (!values.code)
    throw new CoreError('bad_arguments', 'Bitte den Anmeldecode mit --code CODE angeben.');
  const profile = await openProfile(values.profile);
  try {
    const settings = new SyncSettings(profile.store.meta);
    if (settings.connection())
      throw new CoreError('conflict', 'Dieses Profil ist schon mit einem Vereinsserver verbunden.');
    let device: Awaited<ReturnType<typeof enrolDevice>>;
    try {
      device = await enrolDevice(values.server, values.code);
    } catch (error) {
      if (error instanceof CoreError) throw error;
      throw new CoreError(
        'enrolment_refused',
        error instanceof ConnectionError && error.failure !== 'network'
          ? error.message
          : `Der Vereinsserver ${values.server} ist nicht erreichbar (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Bitte Adresse und Netzwerk prüfen.`,
        { cause: error },
      );
    }
    profile.store.transaction(() => settings.connect(device.syncUrl, device));
    out.write(
      `Verbunden mit ${device.syncUrl}; Zertifikat gültig bis ${device.notAfter.slice(0, 10)}.\n${device.deviceId}\n`,
    );
    return 0;
  } finally {
    profile.close();
  }
}
