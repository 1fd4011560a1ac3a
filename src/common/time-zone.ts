/** Whether the runtime knows `zone` as an IANA time zone (Asia/Colombo), so Intl can show times in it. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
