/** Text with the search's <mark>…</mark> highlights, rendered as elements (never as HTML). */
export function Highlighted({ text }: { text: string }) {
  const parts = text.split(/<mark>|<\/mark>/);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : <span key={i}>{part}</span>))}</>;
}
