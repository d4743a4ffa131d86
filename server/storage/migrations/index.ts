import { migration0001Tenants } from './0001-tenants.ts';
import { migration0002RecordsRightsSupport } from './0002-records-rights-support.ts';
import { migration0003Sync } from './0003-sync.ts';
import { migration0004OpenLoansIndex } from './0004-open-loans-index.ts';
import { migration0005BackupMail } from './0005-backup-mail.ts';
import { migration0006CertificateRotation } from './0006-certificate-rotation.ts';
import { migration0007RecordIds } from './0007-record-ids.ts';
import { migration0008ClampStamps } from './0008-clamp-stamps.ts';
import { migration0009RejectionKeys } from './0009-rejection-keys.ts';
import { migration0010DeviceNames } from './0010-device-names.ts';
import { migration0011RejectionFieldMessages } from './0011-rejection-field-messages.ts';
import { migration0012MemberHistory } from './0012-member-history.ts';
import { migration0013WebAccounts } from './0013-web-accounts.ts';
import { migration0014MembersByName } from './0014-members-by-name.ts';
import { migration0015UnknownLoginFailures } from './0015-unknown-login-failures.ts';
import { migration0016SessionInvitation } from './0016-session-invitation.ts';
import { migration0017MonitoringClients } from './0017-monitoring-clients.ts';
import type { ServerMigration } from './serverMigration.ts';

export const SERVER_MIGRATIONS: readonly ServerMigration[] = [
  migration0001Tenants,
  migration0002RecordsRightsSupport,
  migration0003Sync,
  migration0004OpenLoansIndex,
  migration0005BackupMail,
  migration0006CertificateRotation,
  migration0007RecordIds,
  migration0008ClampStamps,
  migration0009RejectionKeys,
  migration0010DeviceNames,
  migration0011RejectionFieldMessages,
  migration0012MemberHistory,
  migration0013WebAccounts,
  migration0014MembersByName,
  migration0015UnknownLoginFailures,
  migration0016SessionInvitation,
  migration0017MonitoringClients,
];
