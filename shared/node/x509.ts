/**
 * @peculiar/x509, set up once: its dependency injection needs the reflect-metadata polyfill,
 * and it signs with Node's WebCrypto.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };
