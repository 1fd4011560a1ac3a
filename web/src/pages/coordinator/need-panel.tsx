/** What a coordinator member can do on a need's page (/needs/:id), below the need itself. */
export function CoordinatorNeedPanel({ needId }: { needId: string; status: string }) {
  void needId;
  return null;
}
