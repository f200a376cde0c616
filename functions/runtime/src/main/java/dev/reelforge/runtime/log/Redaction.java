package dev.reelforge.runtime.log;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that takes secrets out of what is logged; {@link LogEvent} passes every string value through
 * {@link #text}, the embedded stack its own lines. A URL keeps its scheme, host and path and loses its user info,
 * query and fragment (signed URLs carry {@code Signature=}, {@code Key-Pair-Id=}, {@code Expires=} or
 * {@code X-Amz-Signature=} there, callback URLs their tokens); so does a path with a query. Elsewhere, signing
 * parameters go whole, credentials named as headers or parameters lose their values, and webhook secrets
 * ({@code whsec_...}), webhook signatures ({@code v1,...}) and anything shaped like an API key are masked. Every pattern is linear: no nested quantifiers, possessive where a run could be retried.
 */
public final class Redaction {

    /** Written where something was taken out. */
    public static final String REDACTED = "[redacted]";

    private static final Pattern URL = Pattern.compile(
            "(?i)\\b([a-z][a-z0-9+.-]{0,15}+://)(?:[^\\s/?#@\"'<>]*+@)?([^\\s?#\"'<>]*+)([?#][^\\s\"'<>]*+)?");
    /** The query of a URL without scheme and host ({@code /renders/a.mp4?Signature=...}). */
    private static final Pattern RELATIVE_QUERY = Pattern.compile("(?<=[^\\s\"'<>])\\?[^\\s\"'<>=&#?]++=[^\\s\"'<>]*+");
    /** What signs a URL, met outside one: the whole pair goes. */
    private static final Pattern SIGNING_PARAMETER = Pattern.compile(
            "(?i)\\b(?:signature|key-pair-id|policy|expires|x-amz-[a-z-]{1,40}+)=[^\\s&\"',;]*+");
    /** A credential by name, as a header or a parameter: its name stays, its value goes. */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)\\b(x-api-key|api[_-]?key|access[_-]?token|token|secret|password|authorization)"
                    + "(\\s{0,3}+[=:]\\s{0,3}+)((?:bearer\\s{1,3}+|basic\\s{1,3}+)?+[^\\s&\"',;]++)");
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]*+");
    private static final Pattern WEBHOOK_SIGNATURE = Pattern.compile("\\bv1,[A-Za-z0-9+/=]{16,}+");
    /** API keys are 40 letters and digits ({@code ApiKey}); nothing else Reelforge logs has that shape. */
    private static final Pattern API_KEY_SHAPE = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z0-9]{40}(?![A-Za-z0-9])");

    private Redaction() {}

    /** A URL without its user info, query and fragment (marked {@code ?[redacted]} when there was one). */
    public static String url(String url) {
        return url == null ? null : stripUrls(url);
    }

    /** Free text (an exception's message, an encoder's error) with every secret this class knows taken out. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = stripUrls(text);
        redacted = RELATIVE_QUERY.matcher(redacted).replaceAll("?" + Matcher.quoteReplacement(REDACTED));
        redacted = SIGNING_PARAMETER.matcher(redacted).replaceAll(Matcher.quoteReplacement(REDACTED));
        redacted = SECRET_PARAMETER.matcher(redacted).replaceAll("$1$2" + Matcher.quoteReplacement(REDACTED));
        redacted = WEBHOOK_SECRET.matcher(redacted).replaceAll("whsec_" + Matcher.quoteReplacement(REDACTED));
        redacted = WEBHOOK_SIGNATURE.matcher(redacted).replaceAll("v1," + Matcher.quoteReplacement(REDACTED));
        return API_KEY_SHAPE.matcher(redacted).replaceAll(Matcher.quoteReplacement(REDACTED));
    }

    private static String stripUrls(String text) {
        Matcher url = URL.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (url.find()) {
            String kept = url.group(1) + url.group(2) + (url.group(3) == null ? "" : "?" + REDACTED);
            url.appendReplacement(out, Matcher.quoteReplacement(kept));
        }
        url.appendTail(out);
        return out.toString();
    }
}
