package dev.twilioconnector.webhook;

/**
 * What a webhook endpoint's options say about receiving: the endpoint options of the same names.
 *
 * @param baseUrl           the public URL prefix Twilio calls, or null to build it from the request
 * @param response          the TwiML answered unless the route sets one
 * @param validateSignature whether X-Twilio-Signature is checked
 * @param replayCacheSize   how many delivered requests are remembered to answer their repeats
 */
public record WebhookOptions(String baseUrl, String response, boolean validateSignature, int replayCacheSize) {
}
