// The identity-verification commands' usage text, apart from tools/cli-idv.ts so that `cli help`
// does not load the engine.
export const IDV_USAGE = `  idv-analyze --front FILE [--back FILE] [--selfie FILE …] [--type drivers-license|state-id|passport|passport-card]
              [--today YYYY-MM-DD]
            Analyse photos of an identity document (and a selfie: one image or several frames) and print the
            decision, the fields read, every check with its code, the face match and the timings, as JSON.
            Exit status: 0 analysed (whatever the decision), 2 bad arguments or unreadable file,
            3 analysis unavailable. --back is required except for a passport book.
  specimen --out DIR [--type drivers-license|state-id|passport|passport-card|all] [--seed N] [--person NAME] [--count N]
            Write synthetic SPECIMEN documents (front, back, a matching selfie and the truth as JSON).
            --person takes a demo person's email or name ("Maria Garcia"): their documents match their records.
`;

export function isIdvCommand(command: string | undefined): boolean {
  return command === 'idv-analyze' || command === 'specimen';
}
