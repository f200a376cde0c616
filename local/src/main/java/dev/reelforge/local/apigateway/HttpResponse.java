package dev.reelforge.local.apigateway;

import java.util.List;
import java.util.Map;

/** What the gateway sends back: status, headers (each with every value) and body bytes. */
record HttpResponse(int status, Map<String, List<String>> headers, byte[] body) {}
