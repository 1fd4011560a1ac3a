/** What a enterprise member can do on a need's page (/needs/:id), below the need itself. */
export function EnterpriseNeedPanel({ needId }: { needId: string; status: string }) {
  void needId;
  return null;
}
