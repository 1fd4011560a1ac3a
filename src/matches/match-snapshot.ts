/** A match's explanation as it was at suggestion time, stored with the match (jsonb). */
export interface MatchExplanationSnapshot {
  summary: string;
  factors: Array<{ key: string; label: string; value: number; weight: number; contribution: number; detail: string }>;
  tradeFit: { value: number; detail: string };
  evidence: Array<{
    referenceProjectId: string;
    title: string;
    countryCode: string | null;
    year: number | null;
    similarity: number;
    reasons: string[];
  }>;
}
