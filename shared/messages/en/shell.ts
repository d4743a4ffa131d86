import type { shell as de } from '../de/shell.ts';
import type { Texts } from '../textTypes.ts';

export const shell: Texts<typeof de> = {
  menu: {
    about: 'About Tutti',
    hide: 'Hide Tutti',
    hideOthers: 'Hide others',
    quitMac: 'Quit Tutti',
    file: 'File',
    closeWindow: 'Close window',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullScreen: 'Full screen',
    reload: 'Reload',
    devTools: 'Developer tools',
    help: 'Help',
    gdpr: 'General Data Protection Regulation (text)',
  },
  about: { detail: 'Club administration for music societies.' },
  backupFolder: 'Folder for the backups',
  notFound: 'Not found.',
  unprotected: {
    title: 'No protected key store',
    message: 'No keyring (GNOME Keyring, KWallet) is set up on this Linux system.',
    detail:
      'Tutti can only store the key of the club database unprotected: anyone with access to your user account or the disk could then read the data. Recommended: cancel, set up a keyring and start Tutti again.',
    cancel: 'Cancel',
    store: 'Store unprotected anyway',
  },
};
