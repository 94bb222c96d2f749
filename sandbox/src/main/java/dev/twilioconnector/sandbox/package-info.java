/**
 * An embedded, in-memory, Twilio-compatible HTTP server ({@link dev.twilioconnector.sandbox.TwilioSandbox}) that
 * speaks the 2010-04-01 REST API wire format, written from Twilio's documented behaviour.
 *
 * <p>Every resource is one row of {@code resources.json} (path template, SID prefix, list key, operations,
 * required parameters with Twilio's error codes, filters, defaults), read by generic code: {@link
 * dev.twilioconnector.sandbox.ResourceTable} resolves paths, {@code Records} runs the operations on the {@code Store},
 * {@code Filters} and {@code Paging} answer lists, {@code Behaviours} holds the few rules a row cannot express.
 * Requests pass a chain of {@link com.sun.net.httpserver.Filter}s before the {@code ApiHandler}: the request log,
 * authentication, Twilio's per-account request limit ({@link dev.twilioconnector.sandbox.AccountLimit}, played
 * when a test sets one) and fault injection ({@link dev.twilioconnector.sandbox.Faults}); further concerns belong
 * in that chain. Of the newer APIs, Verify v2 (under {@code /verify}, {@code VerifyService}), Conversations v1
 * (under {@code /conversations}, {@code ConversationsService}) and Voice Insights v1 (under {@code /insights},
 * {@code InsightsService}) are served by classes of their own rather than by rows, because their behaviour (codes
 * and checks, message indexes and unique members, summaries derived from calls) is not a table's. Every other
 * product Twilio describes is served under its key ({@code /studio}, {@code /taskrouter}) by {@code DescribedCrud},
 * generic CRUD driven by the descriptions the build packages into the jar ({@code Descriptions}); a hand-written
 * service wins for its prefix.
 *
 * <p>Tests drive a sandbox through {@link dev.twilioconnector.sandbox.TwilioSandbox}'s Java API, or, when it runs
 * in another JVM ({@link dev.twilioconnector.sandbox.SandboxMain}), through the admin HTTP API under
 * {@code /sandbox/} ({@code AdminApi}): store records, read and clear the request log, switch the account limit.
 *
 * <p>Choices where Twilio's behaviour is unknown or out of scope:
 * <ul>
 *   <li>An account addressing another account's path gets 404 (code 20404), unless the other is its
 *       sub-account, so that other accounts' existence is not revealed.</li>
 *   <li>A missing required parameter without a documented resource-specific code, and an unusable value
 *       ({@code QualityScore} 6, an unknown {@code Issue}, {@code PageSize=abc}), answer 400 with code 20001.</li>
 *   <li>{@code PageSize} above 1000 is capped at 1000; page tokens are keyset tokens (see {@code KeysetToken}).</li>
 *   <li>A POST to OutgoingCallerIds answers as Twilio's validation request does (200, a six-digit
 *       {@code validation_code} and a {@code call_sid}), places no call, and stores the caller ID directly instead
 *       of once the call validated it.</li>
 *   <li>Messages and calls move through their statuses by themselves only when the {@link
 *       dev.twilioconnector.sandbox.StatusProgression} is on, one fixed step apart; off by default, so that a
 *       create's answer stays what tests assert.</li>
 *   <li>A FeedbackSummary is computed at once from the account's own calls and feedback (not sub-accounts)
 *       and answered with status {@code queued}.</li>
 *   <li>Filters compare exactly: no wildcard or partial {@code PhoneNumber}, no relative usage dates.</li>
 *   <li>A download (a recording's {@code .wav} or {@code .mp3}, a media file) redirects, 302 and 307 as Twilio's do,
 *       to a second loopback port standing for Twilio's storage host ({@code MediaHost}), whose content is generated
 *       from the SID: WAV 16,000 bytes and MP3 4,000 bytes a second of the recording's {@code duration}, a media file
 *       24,000 bytes. A download reaches the caller's own account only, not its sub-accounts'.</li>
 *   <li>Conversations: a {@code closed} conversation takes no participant or message and cannot be opened again, answered
 *       400 with code 20001 (Twilio documents the state, not the code); page tokens of Conversations and Insights
 *       name the position a page starts at; media of a message is its SID only (no size, type or file name).</li>
 *   <li>Insights: a summary is derived from the call at each request; {@code processing_state} is {@code complete} as
 *       soon as the call has ended rather than half an hour later; the quality figures are derived from the call's SID
 *       ({@code CallQuality}), and {@code mos} is given on the edge's metrics of every call type; {@code StartTime} and
 *       {@code EndTime} bound the call's creation; the list answers {@code completed} summaries unless
 *       {@code ProcessingState} says otherwise.</li>
 *   <li>The generic CRUD of the described products lists newest first, pages by {@code Page} (default size 50),
 *       ignores parameters that name no property of the records, and reads a record the API never creates (a
 *       phone number's lookup) as the description shapes it, {@code null} but for its id and parents.</li>
 *   <li>The account limit counts requests in any one-second window by arrival, per account the path names (else
 *       the credentials' account); Twilio documents a per-account concurrency limit, not how it counts.</li>
 * </ul>
 */
package dev.twilioconnector.sandbox;
