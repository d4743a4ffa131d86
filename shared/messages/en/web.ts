import type { web as de } from '../de/web.ts';
import type { Texts } from '../textTypes.ts';

export const web: Texts<typeof de> = {
  loginNameShort: 'The login name is too short (at least 3 characters).',
  loginNameLong: 'The login name is too long (at most 100 characters).',
  loginNameChars: 'The login name may contain only letters, digits and . _ @ + - (no spaces).',
  passwordLong: 'The password is too long (at most 1024 characters).',
  password: {
    tooShort: 'The password is too short. Please choose at least {{min}} characters.',
    common:
      'This password is too common and easy to guess. Please choose another, e.g. a sentence of several words.',
    containsName:
      'The password must not contain the login name or the name of the club. Please choose another.',
  },
  loginFailed:
    'Login name or password is wrong. Please try again. If you forgot your password, ask the club’s IT officer.',
  accountLocked: 'Too many failed attempts. Please try again after {{time}}.',
  addressLocked: 'Too many failed attempts from this connection. Please try again after {{time}}.',
  codeWrong:
    'The code is wrong. Please enter the current code of your authenticator app or an unused recovery code.',
  codeReused:
    'This code has been used already. Please wait until the app shows a new code and enter that one.',
  secondFactorRequired:
    'Your role in the club requires a second factor. Please set up the authenticator app now.',
  totp: {
    noSetup: 'Please request a new QR code first and scan it with the app.',
  },
  invite: {
    unknown:
      'The server does not know this invitation link. Please copy the whole link from the e-mail, or ask the IT officer for a new one.',
    used: 'This invitation link has been used already. Please sign in with login name and password, or ask the IT officer for a new link.',
    expired:
      'This invitation link has expired (valid for 72 hours). Please ask the IT officer for a new one.',
    hasAccount:
      'This user already has access to the web application. For a new password: tutti-server user reset-login.',
    nameTaken:
      'This login name is taken. If it is yours (from another club), enter your current password; otherwise choose another name.',
    alreadyInClub: 'Your account is linked to this club already. Please just sign in.',
  },
  reset: {
    noAccount:
      'This user has no access to the web application yet. Please invite them instead: tutti-server user invite.',
  },
  sessionNeeded: 'Please sign in first.',
  sessionExpired: 'Your session has expired or was ended. Please sign in again.',
  sessionUnknown: 'This session does not exist or has ended already.',
  csrfRefused:
    'The request was refused for security reasons. Please reload the page and try again.',
  originRefused:
    'The request did not come from this server’s page and was refused. Please open the web application by its own address.',
  wrongStage: 'This step does not fit the state of the sign-in. Please reload the page.',
  clubNotYours: 'Your account does not belong to this club.',
  clubNotChosen: 'Please choose the club first.',
  userGone: 'Your user no longer exists in this club. Please ask the club’s IT officer.',
  signInFirst: 'Please sign in and choose the club first.',
  tooManyStreams:
    'Too many open windows with this session. Please close another window and reload the page.',
  unknownMethod: 'The server does not know this function.',
  desktopOnly: 'This works only in the Tutti desktop application, not in the browser.',
  saveConflict:
    'Someone else has changed this record meanwhile. Please check the marked fields and save again.',
  changedMeanwhile: 'Changed meanwhile by someone else to “{{value}}”.',
  changedMeanwhileHidden: 'Changed meanwhile by someone else.',
};
