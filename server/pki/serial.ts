/** Serials as Node prints them (upper-case hex without leading zeros): one form everywhere. */
export function normalSerial(serial: string): string {
  return serial.toUpperCase().replace(/^0+/, '');
}
