package dev.twilioconnector.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * One method of a path in a Twilio description, as the generic CRUD needs it.
 *
 * @param status       the success status the description answers with (201 for most creates, 200, 202, 204)
 * @param jsonBody     whether the request body is JSON rather than a form
 * @param parameters   the request body's parameters by name, each with its schema ({@code $ref}s resolved)
 * @param required     the body parameters the description requires
 * @param listKey      for a list, the name of the array its answer holds ({@code meta.key}); else null
 * @param maxPageSize  for a list, the largest {@code PageSize} the description allows
 * @param queryParameters the query parameters of a list other than its paging ones: its filters
 */
record DescribedOperation(int status, boolean jsonBody, Map<String, JsonNode> parameters, List<String> required,
                          String listKey, int maxPageSize, List<String> queryParameters) {
}
