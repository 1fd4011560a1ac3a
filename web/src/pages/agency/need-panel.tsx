/** What a agency member can do on a need's page (/needs/:id), below the need itself. */
export function AgencyNeedPanel({ needId }: { needId: string; status: string }) {
  void needId;
  return null;
}
