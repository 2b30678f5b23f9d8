/**
 * How the language server's Node is started, by gongwen's client and by the tests and benchmark that
 * stand in for it: a young generation of at most 4 MB per semi-space (V8's default lets it grow to
 * 16 MB), which keeps a 10 MB report open well under 150 MB (about 130 MB, against 155 MB) at no cost in
 * keystroke latency that the benchmark can tell from run-to-run noise.
 */
export const SERVER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=4'];
