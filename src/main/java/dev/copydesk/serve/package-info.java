/**
 * copydesk as an HTTP server, and the command line's client of it.
 *
 * <p>{@link dev.copydesk.serve.Server} answers LanguageTool's HTTP API ({@code /v2/check},
 * {@code /v2/languages}), so editor plug-ins that speak it get copydesk's editorial rules, and a
 * native endpoint in copydesk's own JSON, which {@link dev.copydesk.serve.RemoteChecker} uses
 * to check drafts for {@code copydesk check --server} and {@code --daemon}. Each worker thread
 * owns an engine, as the command line's do.
 *
 * <p>Depends on the core, input, engine and report packages; nothing depends on it but the
 * command line.
 */
package dev.copydesk.serve;
