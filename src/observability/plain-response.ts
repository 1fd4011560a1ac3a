/** The part of Express's response these endpoints use (the project does not depend on Express's types). */
export interface PlainResponse {
  status(code: number): PlainResponse;
  setHeader(name: string, value: string): unknown;
  json(body: unknown): unknown;
  send(body: string): unknown;
}
